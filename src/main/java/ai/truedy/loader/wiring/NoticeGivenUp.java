package ai.truedy.loader.wiring;

import ai.truedy.loader.reporting.Notifications;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;

/**
 * The notify route's consumer's error handler: a notice that a stopping loader gave up in its
 * back-off (Camel rejects the redelivery, past the route's own error handling) is logged as one
 * line with its last try's failure, instead of Camel's warning with a stack trace.
 */
final class NoticeGivenUp implements ExceptionHandler {

    private final Notifications notifications;

    NoticeGivenUp(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        Exception lastTry = exchange == null ? null : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        notifications.givenUpAtStop(lastTry != null ? lastTry : exception instanceof Exception e ? e : null,
                exchange == null ? null : exchange.getProperty(Notifications.NOTICE, Notifications.Notice.class));
    }
}
