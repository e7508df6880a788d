package org.policyadvisor.batch;

import java.io.Closeable;
import java.io.IOException;

/** Reads the scenarios of a batch file one at a time, so that a file of any size runs in bounded memory. */
interface ScenarioReader extends Closeable {

	/** The next scenario, or {@code null} at the end of the file. */
	BatchLine next() throws IOException;

}
