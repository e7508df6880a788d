package org.policyadvisor.report;

import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** A {@link PdfRenderer} without Spring, on the templates of the classpath, as the application resolves them. */
public final class TestPdfRenderer {

	private static PdfRenderer shared;

	private TestPdfRenderer() {
	}

	public static synchronized PdfRenderer shared() {
		if (shared == null) {
			shared = new PdfRenderer(engine());
		}
		return shared;
	}

	static SpringTemplateEngine engine() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		return engine;
	}

}
