package org.iom.mtm.core.baseline;

import java.util.Locale;

/**
 * The position that makes a key informant knowledgeable about migrants in a location, as MTM
 * Kazakhstan selected them (local authorities, community leaders, teachers, religious leaders).
 */
public enum InformantRole {
  /** An official of the akimat or another local authority. */
  LOCAL_AUTHORITY("local_authority"),
  /** A community leader (aksakal, mahalla or village head). */
  COMMUNITY_LEADER("community_leader"),
  /** A teacher. */
  TEACHER("teacher"),
  /** A religious leader. */
  RELIGIOUS_LEADER("religious_leader"),
  /** Any other informant. */
  OTHER("other");

  private final String code;

  InformantRole(String code) {
    this.code = code;
  }

  /**
   * The code used in data files ({@code local_authority}, ...).
   *
   * @return the code
   */
  public String code() {
    return code;
  }

  /**
   * Parses a code, case-insensitive, with hyphens and spaces read as underscores.
   *
   * @param code the code ({@code local_authority}, {@code Religious leader}, ...)
   * @return the role
   * @throws IllegalArgumentException naming the value and the valid codes when unknown
   */
  public static InformantRole ofCode(String code) {
    String c = code.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (InformantRole r : values()) {
      if (r.code.equals(c)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "unknown informant role '" + code + "': expected local_authority, community_leader,"
            + " teacher, religious_leader or other");
  }
}
