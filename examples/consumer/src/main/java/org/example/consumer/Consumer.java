package org.example.consumer;

import org.iom.mtm.core.PopulationCategory;

/** A downstream project using the installed mtm artifacts through mtm-bom. */
public final class Consumer {
  private Consumer() {}

  public static void main(String[] args) {
    PopulationCategory c = PopulationCategory.ofCode("migrant_worker");
    if (c != PopulationCategory.MIGRANT_WORKER) {
      throw new AssertionError(c);
    }
    System.out.println("consumer ok: " + c.label());
  }
}
