package org.iom.mtm.indicators.estimate;

/**
 * A stable merge sort of indices by up to three primitive keys, so that finishing a request does
 * not box an integer per row.
 */
final class IndexSort {
  private IndexSort() {}

  /** The indices 0..n-1 in order. */
  static int[] identity(int n) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    return idx;
  }

  /**
   * The indices {@code order} stably reordered by {@code key[index]}, a key in [0, range): a
   * counting sort, linear in the indices and the range.
   */
  static int[] byKey(int[] order, int[] key, int range) {
    int[] start = new int[range + 1];
    for (int i : order) {
      start[key[i] + 1]++;
    }
    for (int k = 0; k < range; k++) {
      start[k + 1] += start[k];
    }
    int[] out = new int[order.length];
    for (int i : order) {
      out[start[key[i]]++] = i;
    }
    return out;
  }

  /** Indices 0..n-1 ordered by (a, b, c) ascending, ties in index order. */
  static int[] order(int n, double[] a, int[] b, int[] c) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    int[] tmp = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n - width; lo += 2 * width) {
        int mid = lo + width;
        int hi = Math.min(lo + 2 * width, n);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          tmp[k++] = less(idx[j], idx[i], a, b, c) ? idx[j++] : idx[i++];
        }
        while (i < mid) {
          tmp[k++] = idx[i++];
        }
        while (j < hi) {
          tmp[k++] = idx[j++];
        }
        System.arraycopy(tmp, lo, idx, lo, hi - lo);
      }
    }
    return idx;
  }

  private static boolean less(int x, int y, double[] a, int[] b, int[] c) {
    int cmp = Double.compare(a[x], a[y]);
    if (cmp == 0) {
      cmp = Integer.compare(b[x], b[y]);
    }
    if (cmp == 0 && c != null) {
      cmp = Integer.compare(c[x], c[y]);
    }
    return cmp < 0;
  }
}
