package io.hvcluster.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Finds what a mistyped command or option was probably meant to be: the names within a small edit
 * distance (a letter missing, extra, wrong or two swapped), or that start with what was typed. picocli's
 * own suggestions are looser ({@code frobnicate} suggests {@code migrate}); a wrong guess misleads more
 * than none.
 */
final class Suggestions {
  private Suggestions() {}

  /** Returns the closest names to {@code typed}, best first, at most three; empty when none is close. */
  static List<String> closest(String typed, Collection<String> names) {
    String word = strip(typed);
    List<String> best = new ArrayList<>();
    if (word.length() < 3) {
      // One or two letters resemble too many names to guess from.
      return best;
    }
    int bestScore = Integer.MAX_VALUE;
    for (String name : names) {
      String candidate = strip(name);
      int score = candidate.startsWith(word) ? 1 : distance(word, candidate);
      if (score > Math.max(1, word.length() / 3) || score > bestScore) {
        continue;
      }
      if (score < bestScore) {
        best.clear();
        bestScore = score;
      }
      if (!best.contains(name)) {
        best.add(name);
      }
    }
    return best.size() > 3 ? best.subList(0, 3) : best;
  }

  private static String strip(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == '-') {
      i++;
    }
    return s.substring(i);
  }

  /** Returns the optimal string alignment distance: insertions, deletions, substitutions and swaps. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
