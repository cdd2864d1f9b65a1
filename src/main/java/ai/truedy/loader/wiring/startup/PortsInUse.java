package ai.truedy.loader.wiring.startup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import ai.truedy.loader.config.LoaderConfigException;
import ai.truedy.loader.wiring.settings.LoaderSettings;

/**
 * Before anything starts: each port the loader is about to listen on (the console, Camel's
 * management server, the sandbox) is tried, and one that is taken stops the loader with its number
 * and the setting that chose it, instead of Camel's bare "Address already in use".
 */
public final class PortsInUse {

    /** A port the loader listens on, and the setting that chose it. */
    record Port(String setting, String host, int port) {
    }

    private PortsInUse() {
    }

    public static void check(LoaderSettings settings, Function<String, Optional<String>> properties) {
        List<Port> ports = new ArrayList<>();
        if (settings.console().enabled()) {
            ports.add(new Port("loader.console.port", settings.console().host(), settings.console().port()));
        }
        if (properties.apply("camel.management.enabled").map(Boolean::parseBoolean).orElse(false)) {
            properties.apply("camel.management.port").map(String::strip).map(Integer::valueOf).ifPresent(port -> ports.add(
                    new Port("camel.management.port", properties.apply("camel.management.host").orElse("0.0.0.0"), port)));
        }
        if (settings.api().useSandbox() && !settings.preview().enabled()) {
            ports.add(new Port("loader.sandbox.port", "127.0.0.1", settings.running().sandboxPort()));
        }
        List<String> taken = ports.stream().filter(port -> port.port() != 0 && !free(port)).map(port -> "port "
                + port.port() + " (" + port.setting() + ") is in use by another process: stop it or set another port").toList();
        if (!taken.isEmpty()) {
            throw new LoaderConfigException(String.join("; ", taken) + ". Is a loader already running as a service"
                    + " on this machine? Its console would be at http://" + settings.console().host() + ":"
                    + settings.console().port() + "/");
        }
    }

    private static boolean free(Port port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(port.host()), port.port()));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
