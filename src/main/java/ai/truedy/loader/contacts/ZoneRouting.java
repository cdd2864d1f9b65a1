package ai.truedy.loader.contacts;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code loader.by-zone.<batch call> = <zones>}: which batch call a contact goes to, by the time
 * zones it may be in, so that each batch call can be run in its own zone's calling hours. A contact
 * goes to the batch call whose list holds every zone it may be in; to the one listed with
 * {@value #AMBIGUOUS} when its zones are all listed but under several batch calls; to the one listed
 * with {@value #UNKNOWN} when it has no zone at all. Anything else is not routed, and says why.
 */
public final class ZoneRouting {

    public static final String PREFIX = "loader.by-zone.";
    public static final String AMBIGUOUS = "ambiguous";
    public static final String UNKNOWN = "unknown";
    /** No routing: every contact goes to its file's batch call. */
    public static final ZoneRouting NONE = new ZoneRouting(Map.of());
    /** The IANA names the JDK knows, read once: {@link ZoneId#getAvailableZoneIds} copies them on every call. */
    private static final Set<String> ZONE_NAMES = Set.copyOf(ZoneId.getAvailableZoneIds());

    /** Zone names and the two words, each with the one batch call that lists it. */
    private final Map<String, String> batchCallOf;

    private ZoneRouting(Map<String, String> batchCallOf) {
        this.batchCallOf = Map.copyOf(batchCallOf);
    }

    /** The settings were refused: one message per problem, each naming the setting. */
    public static final class Invalid extends Exception {
        public Invalid(String message) {
            super(message);
        }
    }

    /**
     * Reads the {@code loader.by-zone.*} lines (the whole setting name, and its value). Refuses a
     * name that is not a time zone, a zone listed under two batch calls, and an empty list.
     */
    public static ZoneRouting of(Map<String, String> lines) throws Invalid {
        Map<String, String> batchCallOf = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> line : new TreeMap<>(lines).entrySet()) {
            String batchCall = line.getKey().substring(PREFIX.length()).strip();
            List<String> zones = Arrays.stream(line.getValue().split(",")).map(String::strip).filter(z -> !z.isEmpty()).toList();
            if (batchCall.isEmpty() || batchCall.chars().anyMatch(Character::isWhitespace)) {
                problems.add(line.getKey() + ": '" + batchCall + "' is not a batch call id");
            } else if (zones.isEmpty()) {
                problems.add(line.getKey() + " lists no time zone");
            }
            for (String zone : zones) {
                if (!zone.equals(AMBIGUOUS) && !zone.equals(UNKNOWN) && !isZoneName(zone)) {
                    problems.add(line.getKey() + ": " + zone + " is not a time zone (an IANA name such as America/New_York,"
                            + " or " + AMBIGUOUS + " or " + UNKNOWN + ")");
                    continue;
                }
                String other = batchCallOf.putIfAbsent(zone, batchCall);
                if (other != null && !other.equals(batchCall)) {
                    problems.add(PREFIX + "*: " + zone + " is listed under " + other + " and " + batchCall);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new Invalid(String.join("; ", problems));
        }
        return new ZoneRouting(batchCallOf);
    }

    /** Whether a name is an IANA time zone the JDK knows ({@code America/Chicago}). */
    static boolean isZoneName(String name) {
        return ZONE_NAMES.contains(name);
    }

    /** Whether contacts are routed by zone at all. */
    public boolean isOn() {
        return !batchCallOf.isEmpty();
    }

    /**
     * Where a contact goes: a batch call, or why it goes to none.
     *
     * @param batchCallId the batch call; null when not routed
     * @param problem     why not routed, naming its zones and the candidate batch calls; null when routed
     */
    public record Route(String batchCallId, String problem) {
    }

    /** The batch call of a contact that may be in these zones. */
    public Route route(Collection<String> zones) {
        if (zones.isEmpty()) {
            String unknown = batchCallOf.get(UNKNOWN);
            return unknown != null ? new Route(unknown, null) : new Route(null, "no time zone is known for it (its number's"
                    + " prefix has none, and no time_zone or state column says one), and no batch call is listed with "
                    + UNKNOWN);
        }
        TreeSet<String> candidates = new TreeSet<>();
        TreeSet<String> unlisted = new TreeSet<>();
        for (String zone : zones) {
            String batchCall = batchCallOf.get(zone);
            if (batchCall == null) {
                unlisted.add(zone);
            } else {
                candidates.add(batchCall);
            }
        }
        if (!unlisted.isEmpty()) {
            return new Route(null, its(zones) + ": " + String.join(", ", unlisted) + " listed under no batch call"
                    + (candidates.isEmpty() ? "" : " (the others under " + String.join(", ", candidates) + ")"));
        }
        if (candidates.size() == 1) {
            return new Route(candidates.first(), null);
        }
        String ambiguous = batchCallOf.get(AMBIGUOUS);
        return ambiguous != null ? new Route(ambiguous, null) : new Route(null, its(zones) + " are listed under "
                + String.join(" and ", candidates) + ", and no batch call is listed with " + AMBIGUOUS);
    }

    private static String its(Collection<String> zones) {
        return "its time zones " + String.join(", ", new TreeSet<>(zones));
    }
}
