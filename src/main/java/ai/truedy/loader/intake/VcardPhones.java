package ai.truedy.loader.intake;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import ezvcard.VCard;
import ezvcard.parameter.VCardParameter;
import ezvcard.property.Email;
import ezvcard.property.Telephone;

/**
 * Which of a card's telephones are called, and in which order: the preferred one first
 * ({@code TYPE=PREF} in vCard 2.1 and 3.0, {@code PREF=1} in 4.0), then cell, mobile, main, home and
 * work numbers, then the others, each in the card's order. Fax, pager and text-only numbers are
 * never called.
 */
final class VcardPhones {

    private static final List<String> RANKED_TYPES = List.of("cell", "mobile", "iphone", "main", "home", "work");
    private static final Set<String> NEVER_CALLED = Set.of("fax", "pager", "textphone");

    private VcardPhones() {
    }

    /** The numbers to try, most preferred first; a vCard 4.0 {@code tel:} URI's extension is kept. */
    static List<String> inOrder(VCard card) {
        return card.getTelephoneNumbers().stream()
                .filter(VcardPhones::callable)
                .sorted(Comparator.<Telephone>comparingInt(VcardPhones::preference).thenComparingInt(VcardPhones::typeRank))
                .map(VcardPhones::number)
                .filter(number -> !number.isBlank())
                .toList();
    }

    /** The preferred e-mail, else the first; empty when the card has none. */
    static String preferredEmail(VCard card) {
        return card.getEmails().stream()
                .sorted(Comparator.comparingInt(email -> preference(email.getPref(), types(email.getTypes()))))
                .map(Email::getValue).filter(value -> value != null && !value.isBlank()).findFirst().orElse("");
    }

    private static boolean callable(Telephone telephone) {
        Set<String> types = types(telephone.getTypes());
        boolean textOnly = types.contains("text") && !types.contains("voice") && !types.contains("cell");
        return !textOnly && types.stream().noneMatch(NEVER_CALLED::contains);
    }

    private static int preference(Telephone telephone) {
        return preference(telephone.getPref(), types(telephone.getTypes()));
    }

    /** 1 to 100 from vCard 4.0's PREF, 1 for vCard 2.1 and 3.0's TYPE=PREF, 101 for none. */
    private static int preference(Integer pref, Set<String> types) {
        return pref != null ? pref : types.contains("pref") ? 1 : 101;
    }

    private static int typeRank(Telephone telephone) {
        Set<String> types = types(telephone.getTypes());
        for (int rank = 0; rank < RANKED_TYPES.size(); rank++) {
            if (types.contains(RANKED_TYPES.get(rank))) {
                return rank;
            }
        }
        return RANKED_TYPES.size();
    }

    private static String number(Telephone telephone) {
        if (telephone.getText() != null) {
            return telephone.getText().strip();
        }
        if (telephone.getUri() == null) {
            return "";
        }
        String extension = telephone.getUri().getExtension();
        return telephone.getUri().getNumber() + (extension == null ? "" : " ext. " + extension);
    }

    private static Set<String> types(List<? extends VCardParameter> types) {
        return types.stream().map(type -> type.getValue().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
