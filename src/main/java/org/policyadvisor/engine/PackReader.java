package org.policyadvisor.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Finds rule packs under a location (classpath or file system) and reads one pack's files: the descriptor,
 * catalogues and DRL at its top level, and any scenarios in its {@code scenarios/} folder.
 */
public final class PackReader {

	private final ResourcePatternResolver resolver;

	private final String location;

	public PackReader(ResourcePatternResolver resolver, String location) {
		this.resolver = resolver;
		this.location = location.endsWith("/") ? location : location + "/";
	}

	/** The pack folders found under the location, by name. */
	public List<String> packs() {
		TreeSet<String> folders = new TreeSet<>();
		for (Resource descriptor : resources("*/" + PackLoader.DESCRIPTOR)) {
			try {
				String url = descriptor.getURL().toString();
				String parent = url.substring(0, url.lastIndexOf('/'));
				folders.add(parent.substring(parent.lastIndexOf('/') + 1));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return List.copyOf(folders);
	}

	/** Reads the named pack, or the only pack when {@code name} is empty. */
	public RulePack read(String name) {
		String folder = choose(name);
		List<PackFile> files = new ArrayList<>();
		for (Resource resource : resources(folder + "/*")) {
			String file = resource.getFilename();
			if (file != null && (file.endsWith(".yaml") || file.endsWith(".drl"))) {
				files.add(read(file, resource));
			}
		}
		// Scenarios are optional. A .yml file is passed on too, for the loader to report rather than skip unseen.
		for (String pattern : List.of("*" + Scenario.SUFFIX, "*.yml")) {
			for (Resource resource : resources(folder + "/" + Scenario.FOLDER + pattern)) {
				String file = resource.getFilename();
				if (file != null) {
					files.add(read(Scenario.FOLDER + file, resource));
				}
			}
		}
		return PackLoader.load(folder, files);
	}

	private static PackFile read(String name, Resource resource) {
		try {
			return new PackFile(name, resource.getContentAsString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

	private String choose(String name) {
		List<String> packs = packs();
		if (name != null && !name.isBlank()) {
			if (!packs.contains(name)) {
				throw new PackValidationException(name, List.of(new PackProblem(this.location + name, 0,
						"no such pack (found: " + packs + "); check advisor.pack and advisor.rules-location")));
			}
			return name;
		}
		if (packs.size() != 1) {
			throw new PackValidationException("?", List.of(new PackProblem(this.location, 0, (packs.isEmpty()
					? "holds no rule pack (a folder with " + PackLoader.DESCRIPTOR + ")"
					: "holds several packs " + packs) + "; name one with advisor.pack")));
		}
		return packs.get(0);
	}

	private Resource[] resources(String pattern) {
		try {
			return this.resolver.getResources(this.location + pattern);
		}
		catch (IOException ex) {
			// A missing folder is "no packs", which choose() reports with the location.
			return new Resource[0];
		}
	}

}
