/** Analysis plans: the list of analyses a report computes, read from JSON. */
@NullMarked
package org.iom.mtm.io.plan;

import org.jspecify.annotations.NullMarked;
