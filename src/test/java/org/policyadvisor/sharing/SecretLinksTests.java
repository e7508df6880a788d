package org.policyadvisor.sharing;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretLinksTests {

	@Test
	void idsAreWellFormedAndDoNotRepeat() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String id = SecretLinks.newId();
			assertThat(SecretLinks.isWellFormedId(id)).as(id).isTrue();
			ids.add(id);
		}
		assertThat(ids).hasSize(1000);
	}

	@Test
	void malformedIdsAreRecognised() {
		assertThat(SecretLinks.isWellFormedId(null)).isFalse();
		assertThat(SecretLinks.isWellFormedId("")).isFalse();
		assertThat(SecretLinks.isWellFormedId("../../etc/passwd")).isFalse();
		assertThat(SecretLinks.isWellFormedId("${7*7}aaaaaaaaaaaa")).isFalse();
		assertThat(SecretLinks.isWellFormedId(SecretLinks.newId() + "x")).isFalse();
	}

	@Test
	void aTokenMatchesOnlyItsOwnHash() {
		String token = SecretLinks.newToken();
		String hash = SecretLinks.hash(token);
		assertThat(hash).hasSize(64).doesNotContain(token);
		assertThat(SecretLinks.matches(token, hash)).isTrue();
		assertThat(SecretLinks.matches(SecretLinks.newToken(), hash)).isFalse();
		String oneCharOff = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
		assertThat(SecretLinks.matches(oneCharOff, hash)).isFalse();
	}

	@Test
	void malformedOrMissingTokensNeverMatch() {
		String hash = SecretLinks.hash(SecretLinks.newToken());
		assertThat(SecretLinks.matches(null, hash)).isFalse();
		assertThat(SecretLinks.matches("", hash)).isFalse();
		assertThat(SecretLinks.matches("short", SecretLinks.hash("short"))).isFalse();
		assertThat(SecretLinks.matches(SecretLinks.newToken(), null)).isFalse();
	}

}
