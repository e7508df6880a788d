package org.policyadvisor.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.drools.base.util.Drools;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The shipped packs' rules compiled at build time. Compiling DRL to the executable model takes most of a start-up
 * (generating and compiling Java for every constraint); the build does it once ({@link #main}, run by Maven before
 * packaging) and puts the compiled module in the jar beside a fingerprint of the DRL it came from. At start-up
 * {@link #load} uses it only when the pack being served has exactly that DRL; any other pack, or an edited copy of a
 * shipped one under {@code advisor.rules-location}, is compiled as before. The pack is read and validated from its
 * files either way, so errors still name the file and line.
 */
public final class PrecompiledModel {

	static final String LOCATION = "META-INF/policy-advisor/models/";

	/** Bumped when what is stored changes shape, so that an old jar's model is not misread. */
	private static final String FORMAT = "1";

	private static final Logger logger = LoggerFactory.getLogger(PrecompiledModel.class);

	private PrecompiledModel() {
	}

	/** Identifies the compiled form of a pack: the format, the Drools version, and every DRL file's name and text. */
	static String fingerprint(RulePack pack) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update((FORMAT + "\0" + Drools.getFullVersion() + "\0").getBytes(StandardCharsets.UTF_8));
			for (PackFile drl : pack.drlFiles()) {
				digest.update((drl.name() + "\0" + drl.content() + "\0").getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	/** The rule base compiled at build time for this pack's DRL, if the application carries one. */
	static Optional<KieBase> load(RulePack pack) {
		return load(pack, PrecompiledModel.class.getClassLoader());
	}

	/** As {@link #load(RulePack)}, with the model looked up among the resources of {@code resources}. */
	static Optional<KieBase> load(RulePack pack, ClassLoader resources) {
		String base = LOCATION + pack.folder();
		try (InputStream stored = resources.getResourceAsStream(base + ".sha256");
				InputStream jar = resources.getResourceAsStream(base + ".kjar")) {
			if (stored == null || jar == null) {
				return Optional.empty();
			}
			if (!new String(stored.readAllBytes(), StandardCharsets.UTF_8).strip().equals(fingerprint(pack))) {
				logger.info("Rule pack '{}' differs from the one compiled at build time: compiling its DRL",
						pack.folder());
				return Optional.empty();
			}
			return Optional.of(kieBase(jar.readAllBytes()));
		}
		catch (IOException | ReflectiveOperationException | LinkageError | RuntimeException ex) {
			// A damaged model costs a compile, not the start-up.
			logger.warn("Cannot load the precompiled model of rule pack '{}' ({}): compiling its DRL", pack.folder(),
					ex.toString());
			return Optional.empty();
		}
	}

	private static KieBase kieBase(byte[] kjar) throws IOException, ReflectiveOperationException {
		Map<String, byte[]> classes = new HashMap<>();
		List<String> modelClasses = new ArrayList<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(kjar))) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				String name = entry.getName();
				if (name.endsWith(".class")) {
					classes.put(name.substring(0, name.length() - ".class".length()).replace('/', '.'),
							zip.readAllBytes());
				}
				else if (name.endsWith("/drools-model")) {
					// The first line is the model's Drools version; the others name the model classes.
					new String(zip.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
						.filter((line) -> !line.isEmpty() && !line.contains(":"))
						.forEach(modelClasses::add);
				}
			}
		}
		if (modelClasses.isEmpty()) {
			throw new IOException("the module names no model classes");
		}
		ModelClassLoader loader = new ModelClassLoader(classes, PrecompiledModel.class.getClassLoader());
		List<Model> models = new ArrayList<>();
		for (String name : modelClasses) {
			models.add((Model) loader.loadClass(name).getDeclaredConstructor().newInstance());
		}
		return KieBaseBuilder.createKieBaseFromModel(models);
	}

	/**
	 * Compiles each valid pack under a folder into an output folder: {@code <pack>.kjar} and {@code <pack>.sha256}.
	 * A pack that does not validate or compile is left out (the application then reports its problems at start-up);
	 * a pack whose stored fingerprint already matches is not compiled again.
	 * @param args the rules folder and the output folder
	 */
	public static void main(String[] args) throws IOException {
		if (args.length != 2) {
			throw new IllegalArgumentException("usage: PrecompiledModel <rules folder> <output folder>");
		}
		Path output = Path.of(args[1]);
		Files.createDirectories(output);
		PackReader reader = new PackReader(new PathMatchingResourcePatternResolver(),
				Path.of(args[0]).toAbsolutePath().toUri().toString());
		for (String folder : reader.packs()) {
			Path kjar = output.resolve(folder + ".kjar");
			Path sha = output.resolve(folder + ".sha256");
			try {
				RulePack pack = reader.read(folder);
				String fingerprint = fingerprint(pack);
				if (Files.exists(kjar) && Files.exists(sha) && Files.readString(sha).strip().equals(fingerprint)) {
					logger.info("Rule pack '{}': the precompiled model is up to date", folder);
					continue;
				}
				long start = System.nanoTime();
				KieServices ks = KieServices.get();
				ReleaseId releaseId = ks.newReleaseId("org.policyadvisor.packs", folder, "precompiled");
				InternalKieModule module = (InternalKieModule) RuleBase.compileModule(pack, releaseId).getKieModule();
				Files.write(kjar, module.getBytes());
				Files.writeString(sha, fingerprint + "\n");
				ks.getRepository().removeKieModule(releaseId);
				logger.info("Rule pack '{}': precompiled in {} ms", folder, (System.nanoTime() - start) / 1_000_000);
			}
			catch (PackValidationException ex) {
				Files.deleteIfExists(kjar);
				Files.deleteIfExists(sha);
				logger.warn("Rule pack '{}' is not precompiled: {}", folder, ex.getMessage());
			}
			catch (UncheckedIOException ex) {
				throw ex.getCause();
			}
		}
	}

	/** Defines the classes of a precompiled module, on top of the application's classes. */
	private static final class ModelClassLoader extends ClassLoader {

		static {
			registerAsParallelCapable();
		}

		private final Map<String, byte[]> classes;

		ModelClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
			super(parent);
			this.classes = classes;
		}

		@Override
		protected Class<?> findClass(String name) throws ClassNotFoundException {
			byte[] bytes = this.classes.get(name);
			if (bytes == null) {
				throw new ClassNotFoundException(name);
			}
			return defineClass(name, bytes, 0, bytes.length);
		}

	}

}
