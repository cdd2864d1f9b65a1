package ai.truedy.loader.cluster;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * The {@code loader.cluster.*} settings. An empty JDBC URL means one instance with local state;
 * a {@code jdbc:postgresql://} URL turns on cluster mode. The password is never printed:
 * {@link #toString()} leaves it out.
 *
 * @param instanceId what logs, metrics and the database call this instance
 * @param lease      how long a file's claim lives without a heartbeat before another instance may take it over
 */
public record ClusterSettings(String jdbcUrl, String username, String password, String instanceId, Duration lease) {

    /** Whether instances share their state through the database. */
    public boolean enabled() {
        return !jdbcUrl.isEmpty();
    }

    /** The default instance id: host name and process id. */
    public static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }

    /** The problem with these settings, or null. */
    public String problem() {
        if (!enabled()) {
            return null;
        }
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            return "loader.cluster.jdbc-url must be a jdbc:postgresql:// URL (or empty for one instance)";
        }
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            return "loader.cluster.lease must be at least 1s";
        }
        return null;
    }

    /** The JDBC URL as logs may show it: a password given in it is masked. */
    public String safeUrl() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1****");
    }

    @Override
    public String toString() {
        return "ClusterSettings[jdbcUrl=" + safeUrl() + ", username=" + username + ", password="
                + (password.isEmpty() ? "(none)" : "****") + ", instanceId=" + instanceId + ", lease=" + lease + "]";
    }
}
