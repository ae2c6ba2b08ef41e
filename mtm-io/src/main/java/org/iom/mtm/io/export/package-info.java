/**
 * Writers of input-shaped files: a survey as a KoBoToolbox CSV export, a questionnaire as KoBo
 * asset content JSON, a baseline as the long CSV of DESIGN.md. {@code mtm synth} writes its
 * synthetic data with them, so that the files go through the same readers as a user's own.
 */
@NullMarked
package org.iom.mtm.io.export;

import org.jspecify.annotations.NullMarked;
