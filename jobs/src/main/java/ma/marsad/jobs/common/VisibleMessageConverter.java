package ma.marsad.jobs.common;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ma.marsad.pipeline.text.VisibleText;

/**
 * {@code %visibleMessage} in the text log patterns: the message with newlines, control and direction characters shown
 * as {@code <U+XXXX>}, so a file name or value quoted in a message can neither split its line nor read reversed.
 */
public final class VisibleMessageConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return VisibleText.of(event.getFormattedMessage());
    }
}
