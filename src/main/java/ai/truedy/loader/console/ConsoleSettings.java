package ai.truedy.loader.console;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import ai.truedy.loader.config.SettingsReader;

/**
 * ## Console ({@code loader.console.*}): the page and JSON API for people, served by the loader.
 *
 * @param enabled  {@code loader.console.enabled}: served while the loader watches the inbox (not with --once or --preview)
 * @param host     {@code loader.console.host}: the address it listens on; loopback unless a password is set
 * @param port     {@code loader.console.port}
 * @param username {@code loader.console.username}
 * @param password {@code loader.console.password} ({@code LOADER_CONSOLE_PASSWORD}); empty for none. Never printed.
 * @param approval {@code loader.approval}: {@code none}, or {@code required} (each file waits for a person's approval)
 * @param allowedHosts {@code loader.console.allowed-hosts}: names it answers to besides its address and loopback's
 */
public record ConsoleSettings(boolean enabled, String host, int port, String username, String password,
                              String approval, Set<String> allowedHosts) {

    public static ConsoleSettings from(SettingsReader in, boolean serviceMode) {
        ConsoleSettings settings = new ConsoleSettings(in.bool("loader.console.enabled") && serviceMode,
                in.text("loader.console.host"), in.integer("loader.console.port", 0, 65535),
                in.text("loader.console.username"), in.text("loader.console.password"),
                in.oneOf("loader.approval", List.of("none", "required")).toLowerCase(Locale.ROOT),
                hostNames(in, "loader.console.allowed-hosts"));
        if (settings.enabled() && settings.password().isEmpty() && !settings.loopbackOnly()) {
            in.problem("loader.console.host is " + settings.host() + " but no loader.console.password is set: without a"
                    + " password the console listens on 127.0.0.1 only. Set LOADER_CONSOLE_PASSWORD, or loader.console.host"
                    + " = 127.0.0.1, or loader.console.enabled = false");
        }
        if (settings.enabled() && !settings.password().isEmpty() && settings.username().isEmpty()) {
            in.problem("loader.console.username is empty: the console's password needs a user name");
        }
        return settings;
    }

    /** Host names, separated by commas; a name with a scheme, a path or a port is a problem. */
    private static Set<String> hostNames(SettingsReader in, String name) {
        Set<String> names = new LinkedHashSet<>();
        for (String part : in.text(name).split(",")) {
            String host = part.strip();
            if (host.isEmpty()) {
                continue;
            }
            if (!host.matches("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+]")) {
                in.problem(name + " has \"" + host + "\": give host names or addresses only, separated by commas,"
                        + " without a scheme, a port or a path (such as loader.example.com, 10.0.0.5)");
            }
            names.add(host);
        }
        return Set.copyOf(names);
    }

    /** Whether the console can only be reached from this machine. */
    public boolean loopbackOnly() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public boolean passwordSet() {
        return !password.isEmpty();
    }

    @Override
    public String toString() {
        return "ConsoleSettings[enabled=" + enabled + ", host=" + host + ", port=" + port + ", username=" + username
                + ", password=" + (password.isEmpty() ? "(none)" : "****") + ", approval=" + approval + ", allowedHosts="
                + allowedHosts + "]";
    }
}
