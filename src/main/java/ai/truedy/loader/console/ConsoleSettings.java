package ai.truedy.loader.console;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

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
 */
public record ConsoleSettings(boolean enabled, String host, int port, String username, String password,
                              String approval) {

    public static ConsoleSettings from(SettingsReader in, boolean serviceMode) {
        ConsoleSettings settings = new ConsoleSettings(in.bool("loader.console.enabled") && serviceMode,
                in.text("loader.console.host"), in.integer("loader.console.port", 0, 65535),
                in.text("loader.console.username"), in.text("loader.console.password"),
                in.oneOf("loader.approval", List.of("none", "required")).toLowerCase(Locale.ROOT));
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
                + ", password=" + (password.isEmpty() ? "(none)" : "****") + ", approval=" + approval + "]";
    }
}
