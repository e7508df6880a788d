package org.policyadvisor.report;

import java.util.logging.Level;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's log to SLF4J, so the application's logging settings apply to it: left alone, it prints to
 * the console through a handler of its own. Its INFO chatter ("Prepare to fly", timings) becomes DEBUG; warnings,
 * such as a CSS declaration it skips, stay warnings.
 */
final class Slf4jXRLogger implements XRLogger {

	private static volatile boolean installed;

	private Slf4jXRLogger() {
	}

	/** Installs this logger for the JVM; openhtmltopdf's logger is global. */
	static void install() {
		if (!installed) {
			synchronized (Slf4jXRLogger.class) {
				if (!installed) {
					XRLog.setLoggerImpl(new Slf4jXRLogger());
					installed = true;
				}
			}
		}
	}

	@Override
	public void log(String where, Level level, String msg) {
		log(where, level, msg, null);
	}

	@Override
	public void log(String where, Level level, String msg, Throwable th) {
		Logger logger = LoggerFactory.getLogger(where);
		int value = level.intValue();
		if (value >= Level.SEVERE.intValue()) {
			logger.error(msg, th);
		}
		else if (value >= Level.WARNING.intValue()) {
			logger.warn(msg, th);
		}
		else if (value >= Level.CONFIG.intValue()) {
			logger.debug(msg, th);
		}
		else {
			logger.trace(msg, th);
		}
	}

	@Override
	public void setLevel(String logger, Level level) {
		// Levels are the logging system's to set.
	}

	@Override
	public boolean isLogLevelEnabled(Diagnostic diagnostic) {
		int value = diagnostic.getLevel().intValue();
		Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
		if (value >= Level.WARNING.intValue()) {
			return logger.isWarnEnabled();
		}
		return (value >= Level.CONFIG.intValue()) ? logger.isDebugEnabled() : logger.isTraceEnabled();
	}

}
