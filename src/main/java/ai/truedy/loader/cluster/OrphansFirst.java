package ai.truedy.loader.cluster;

import java.util.Comparator;
import java.util.Set;

import org.apache.camel.component.file.GenericFile;

/**
 * The order in which an instance of a cluster takes the inbox's files: first those whose claim has
 * lapsed (an instance died loading them), so that a dead instance's file is taken over at the next
 * poll whatever else the inbox holds; then the rest in the order they arrived (by the second they
 * were last written), and files of the same second in an order of this instance's own (by a hash of
 * instance id and path), so that instances on one inbox seldom reach for the same file.
 */
public final class OrphansFirst implements Comparator<GenericFile<?>> {

    private final FileClaims claims;
    private final String instanceId;

    public OrphansFirst(FileClaims claims, String instanceId) {
        this.claims = claims;
        this.instanceId = instanceId;
    }

    @Override
    public int compare(GenericFile<?> one, GenericFile<?> other) {
        Set<String> lapsed = claims.others().lapsed();
        boolean oneLapsed = lapsed.contains(path(one));
        boolean otherLapsed = lapsed.contains(path(other));
        if (oneLapsed != otherLapsed) {
            return oneLapsed ? -1 : 1;
        }
        int byArrival = Long.compare(one.getLastModified() / 1000, other.getLastModified() / 1000);
        if (byArrival != 0) {
            return byArrival;
        }
        int byHash = Integer.compare(spread(one), spread(other));
        return byHash != 0 ? byHash : path(one).compareTo(path(other));
    }

    private int spread(GenericFile<?> file) {
        return (instanceId + "/" + path(file)).hashCode();
    }

    private static String path(GenericFile<?> file) {
        return file.getRelativeFilePath().replace('\\', '/');
    }
}
