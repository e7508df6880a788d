/**
 * Reports to download, offline: PDF and Markdown made from one model by the feature that owns it.
 * <ul>
 * <li>{@link org.policyadvisor.report.PdfRenderer}: a Thymeleaf print template under {@code templates/report/},
 * built on {@code report/layout.html}, laid out as a tagged A4 PDF in the embedded DejaVu Sans.</li>
 * <li>{@link org.policyadvisor.report.ReportImages}: charts as PNG {@code data:} URIs (no SVG in PDFs).</li>
 * <li>{@link org.policyadvisor.report.Markdown}: Markdown in which text is always text.</li>
 * <li>{@link org.policyadvisor.report.ReportFormat}: the download response, named and typed.</li>
 * </ul>
 * A feature keeps its report model, its Markdown writer, its template and its controller in its own package (as
 * {@code advisor.AdviceReport}, {@code AdviceReportMarkdown}, {@code report/advice.html} and
 * {@code AdviceReportController} do for a single result); a test that reads both outputs back keeps them in step.
 */
package org.policyadvisor.report;
