package org.policyadvisor.sharing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Ids and edit tokens for things users share by link (saved scenarios, exercises). The view id is public but random,
 * so that nobody can walk the list by counting; the edit token is a 256-bit secret of which only a hash is stored.
 */
public final class SecretLinks {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

	/** 12 random bytes, 16 URL-safe characters: enough that guessing a view id is hopeless. */
	private static final int ID_BYTES = 12;

	private static final int TOKEN_BYTES = 32;

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{16}");

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private SecretLinks() {
	}

	public static String newId() {
		return random(ID_BYTES);
	}

	public static String newToken() {
		return random(TOKEN_BYTES);
	}

	/** Whether a string can be an id at all; anything else is answered with 404 before touching the database. */
	public static boolean isWellFormedId(String id) {
		return id != null && ID.matcher(id).matches();
	}

	/** The stored form of a token: its SHA-256, hex. */
	public static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

	/**
	 * Whether a presented token matches a stored hash. Compares the hashes in constant time, so the time taken says
	 * nothing about how much of a guess was right; a malformed token never matches.
	 */
	public static boolean matches(String presented, String storedHash) {
		if (presented == null || storedHash == null || !TOKEN.matcher(presented).matches()) {
			return false;
		}
		return MessageDigest.isEqual(hash(presented).getBytes(StandardCharsets.US_ASCII),
				storedHash.getBytes(StandardCharsets.US_ASCII));
	}

	private static String random(int bytes) {
		byte[] b = new byte[bytes];
		RANDOM.nextBytes(b);
		return URL_SAFE.encodeToString(b);
	}

}
