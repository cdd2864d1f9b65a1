package ai.truedy.loader.contacts;

/**
 * A person's name split from one "full name" cell: "Mary Ann Smith" is "Mary Ann" / "Smith",
 * "Smith, Mary Ann" the same, "Cher" a first name alone.
 */
public record PersonName(String first, String last) {

    public static PersonName of(String fullName) {
        int comma = fullName.indexOf(',');
        if (comma >= 0) {
            return new PersonName(Texts.orNull(fullName.substring(comma + 1)), Texts.orNull(fullName.substring(0, comma)));
        }
        int space = fullName.lastIndexOf(' ');
        if (space < 0) {
            return new PersonName(fullName, null);
        }
        return new PersonName(fullName.substring(0, space), fullName.substring(space + 1));
    }
}
