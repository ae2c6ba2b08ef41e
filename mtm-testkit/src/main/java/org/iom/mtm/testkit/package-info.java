/**
 * jqwik arbitraries for the MTM domain and a seeded generator of realistic synthetic MTM data, for
 * our own tests, the benchmarks and downstream property-based suites.
 */
@NullMarked
package org.iom.mtm.testkit;

import org.jspecify.annotations.NullMarked;
