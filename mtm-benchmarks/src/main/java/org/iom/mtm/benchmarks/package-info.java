/** JMH benchmarks of the aggregation core. Never deployed. */
@NullMarked
package org.iom.mtm.benchmarks;

import org.jspecify.annotations.NullMarked;
