package org.policyadvisor.exercise;

/** What the exercise forms do to typed text before checking and storing it. */
final class FormText {

	private FormText() {
	}

	/**
	 * Trimmed, with the browser's CRLF line ends as LF (so that a length is what the user sees) and control
	 * characters other than line breaks and tabs dropped (they cannot go into the XML of a PDF report).
	 *
	 * @param multiline whether line breaks are kept; otherwise each becomes a space
	 */
	static String clean(String text, boolean multiline) {
		if (text == null) {
			return "";
		}
		String unified = text.replace("\r\n", "\n").replace('\r', '\n');
		StringBuilder out = new StringBuilder(unified.length());
		for (int i = 0; i < unified.length(); i++) {
			char c = unified.charAt(i);
			if (c == '\n') {
				out.append(multiline ? '\n' : ' ');
			}
			else if (c == '\t') {
				out.append(multiline ? '\t' : ' ');
			}
			else if (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0)) {
				out.append(c);
			}
		}
		return out.toString().strip();
	}

	/** "at most 120 characters (this has 131)": the count helps the user trim. */
	static String tooLong(String what, int max, String text) {
		return what + " can be at most " + max + " characters (this has " + text.length() + ").";
	}

}
