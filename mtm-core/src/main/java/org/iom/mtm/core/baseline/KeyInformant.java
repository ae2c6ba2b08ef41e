package org.iom.mtm.core.baseline;

import org.iom.mtm.core.Sex;
import org.jspecify.annotations.Nullable;

/**
 * A key informant of a baseline assessment: someone who knows the migrants of a location (an
 * akimat official, a community leader, a teacher, a religious leader) and reports their numbers.
 * Files often name informants without saying more about them: sex and role are then unknown, not
 * a default.
 *
 * @param id the informant's id as the file writes it, stripped
 * @param sex the informant's sex, or null when the file does not say
 * @param role the informant's position, or null when the file does not say
 */
public record KeyInformant(String id, @Nullable Sex sex, @Nullable InformantRole role) {

  /**
   * Checks the id.
   *
   * @throws IllegalArgumentException when the id is blank or has surrounding blanks
   */
  public KeyInformant {
    if (id.isBlank() || !id.equals(id.strip())) {
      throw new IllegalArgumentException("informant id '" + id + "' is blank or has surrounding blanks");
    }
  }

  /**
   * An informant, the id stripped.
   *
   * @param id the id
   * @param sex the sex, or null when unknown
   * @param role the role, or null when unknown
   * @return the informant
   * @throws IllegalArgumentException when the id is blank
   */
  public static KeyInformant of(String id, @Nullable Sex sex, @Nullable InformantRole role) {
    String s = Codes.informantId(id);
    if (s == null) {
      throw new IllegalArgumentException("informant id is null");
    }
    return new KeyInformant(s, sex, role);
  }
}
