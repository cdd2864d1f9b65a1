package ai.truedy.loader.contacts;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many of a file's contacts went to each batch call by zone ({@code loader.by-zone.*}), and the
 * zones they may be in: the report's and the preview's {@code routed}. One per file, one thread.
 */
public final class RoutedContacts {

    /** The contacts routed to one batch call, and how many of them may be in each zone ({@code unknown}: none known). */
    public record Routed(long contacts, Map<String, Long> zones) {
    }

    private final Map<String, Long> contacts = new TreeMap<>();
    private final Map<String, Map<String, Long>> zones = new TreeMap<>();

    void add(String batchCallId, Collection<String> zonesOfContact) {
        contacts.merge(batchCallId, 1L, Long::sum);
        Map<String, Long> counts = zones.computeIfAbsent(batchCallId, id -> new TreeMap<>());
        if (zonesOfContact.isEmpty()) {
            counts.merge(ZoneRouting.UNKNOWN, 1L, Long::sum);
        }
        zonesOfContact.forEach(zone -> counts.merge(zone, 1L, Long::sum));
    }

    /** Only the contacts of each batch call, in its order. */
    public static Map<String, Long> contactsOf(Map<String, Routed> routed) {
        Map<String, Long> contacts = new LinkedHashMap<>();
        routed.forEach((batchCall, counts) -> contacts.put(batchCall, counts.contacts()));
        return contacts;
    }

    /** By batch call; empty when nothing was routed by zone. */
    public Map<String, Routed> byBatchCall() {
        Map<String, Routed> routed = new TreeMap<>();
        contacts.forEach((id, count) -> routed.put(id, new Routed(count, Map.copyOf(zones.get(id)))));
        return routed;
    }
}
