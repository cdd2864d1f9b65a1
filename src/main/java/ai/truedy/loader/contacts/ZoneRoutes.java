package ai.truedy.loader.contacts;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import ai.truedy.loader.model.SourceRow;

/**
 * One file's contacts routed by time zone ({@code loader.by-zone.*}): the zones each contact may
 * be in, the batch call the routing gives it, and how many went to each batch call.
 */
final class ZoneRoutes {

    private final ZoneRouting routing;
    private final int timeZoneColumn;
    private final int regionColumn;
    private final RoutedContacts routed = new RoutedContacts();

    ZoneRoutes(ZoneRouting routing, ColumnMap columns) {
        this.routing = routing;
        this.timeZoneColumn = columns.timeZone();
        this.regionColumn = columns.region();
    }

    boolean isOn() {
        return routing.isOn();
    }

    /** Where a contact with this number goes, or why it goes nowhere; counted when it goes somewhere. */
    ZoneRouting.Route route(SourceRow row, String e164) {
        String timeZone = ContactRows.cell(row, timeZoneColumn);
        if (timeZone != null && !ZoneRouting.isZoneName(timeZone)) {
            return new ZoneRouting.Route(null, "its time_zone '" + timeZone
                    + "' is not a time zone (an IANA name such as America/Chicago)");
        }
        Collection<String> zones = zonesOf(e164, timeZone, ContactRows.cell(row, regionColumn));
        ZoneRouting.Route route = routing.route(zones);
        if (route.batchCallId() != null) {
            routed.add(route.batchCallId(), zones);
        }
        return route;
    }

    /** The contacts routed to each batch call so far; null when contacts are not routed by zone. */
    Map<String, RoutedContacts.Routed> byBatchCall() {
        return routing.isOn() ? routed.byBatchCall() : null;
    }

    /**
     * Every zone a contact may be in: its number's, its time_zone column's and its state's or
     * province's together (a person who moved keeps their number, and both must be in hours).
     */
    private static Collection<String> zonesOf(String e164, String timeZone, String region) {
        List<String> byNumber = NumberZones.of(e164);
        List<String> byRegion = RegionZones.of(region);
        if (timeZone == null && byRegion.isEmpty()) {
            return byNumber;
        }
        TreeSet<String> zones = new TreeSet<>(byNumber);
        zones.addAll(byRegion);
        if (timeZone != null) {
            zones.add(timeZone);
        }
        return zones;
    }
}
