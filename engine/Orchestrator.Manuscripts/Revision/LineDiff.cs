namespace Orchestrator.Manuscripts.Revision;

/// <summary>
/// The matching lines of two line sequences (as ids: equal lines, equal ids), for <see cref="UnifiedDiff"/>.
/// Common leading and trailing lines are matched first; in the changed region between them, lines that occur exactly
/// once on each side are matched in their longest increasing order (patience anchoring: in prose nearly every line
/// is unique, so the anchors cut a novel into windows of a few lines around each change); each window between two
/// anchors is then diffed by Myers' O(ND) algorithm. Cost: O(N log N) for the anchors plus O(n·d) per window.
/// </summary>
internal static class LineDiff
{
    /// <summary>
    /// Past this many differences in one window Myers' trace (d² integers) is not worth keeping: the window is
    /// written as all removed then all added, a valid but longer diff. Only texts with long runs of repeated lines
    /// changed throughout get there.
    /// </summary>
    internal const int MaxWindowDifferences = 4096;

    /// <summary>Pairs (line in a, line in b) of matched lines, increasing on both sides.</summary>
    public static List<(int A, int B)> Match(int[] a, int[] b, int idCount)
    {
        var matches = new List<(int, int)>();
        int n = a.Length, m = b.Length;
        var prefix = 0;
        while (prefix < n && prefix < m && a[prefix] == b[prefix]) prefix++;
        var suffix = 0;
        while (suffix < n - prefix && suffix < m - prefix && a[n - 1 - suffix] == b[m - 1 - suffix]) suffix++;
        for (var i = 0; i < prefix; i++) matches.Add((i, i));

        int a0 = prefix, a1 = n - suffix, b0 = prefix, b1 = m - suffix;
        if (a0 < a1 && b0 < b1)
        {
            var anchors = Anchors(a, a0, a1, b, b0, b1, idCount);
            int pa = a0, pb = b0;
            foreach (var (x, y) in anchors)
            {
                Window(a, pa, x, b, pb, y, matches);
                matches.Add((x, y));
                pa = x + 1;
                pb = y + 1;
            }
            Window(a, pa, a1, b, pb, b1, matches);
        }

        for (var i = 0; i < suffix; i++) matches.Add((n - suffix + i, m - suffix + i));
        return matches;
    }

    /// <summary>Lines unique on both sides of the region, matched, in the longest run increasing on both sides.</summary>
    private static List<(int A, int B)> Anchors(int[] a, int a0, int a1, int[] b, int b0, int b1, int idCount)
    {
        // Per id: occurrences in a (capped at 2), its position in a, occurrences in b, its position in b.
        var countA = new byte[idCount];
        var countB = new byte[idCount];
        var positionB = new int[idCount];
        for (var i = a0; i < a1; i++) if (countA[a[i]] < 2) countA[a[i]]++;
        for (var j = b0; j < b1; j++)
        {
            var id = b[j];
            if (countB[id] < 2) countB[id]++;
            positionB[id] = j;
        }

        // Candidates in a's order; the longest subsequence increasing in b (patience sorting, O(k log k)).
        var candidates = new List<(int A, int B)>();
        for (var i = a0; i < a1; i++)
        {
            var id = a[i];
            if (countA[id] == 1 && countB[id] == 1) candidates.Add((i, positionB[id]));
        }
        if (candidates.Count == 0) return [];
        var tails = new int[candidates.Count];      // index of the candidate ending the best run of each length
        var previous = new int[candidates.Count];
        var length = 0;
        for (var c = 0; c < candidates.Count; c++)
        {
            int lo = 0, hi = length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (candidates[tails[mid]].B < candidates[c].B) lo = mid + 1;
                else hi = mid;
            }
            previous[c] = lo > 0 ? tails[lo - 1] : -1;
            tails[lo] = c;
            if (lo == length) length++;
        }
        var anchors = new (int A, int B)[length];
        for (int c = tails[length - 1], k = length - 1; c >= 0; c = previous[c], k--) anchors[k] = candidates[c];
        return [.. anchors];
    }

    /// <summary>Matches lines of a[a0..a1) and b[b0..b1) (Myers, after trimming the window's common ends).</summary>
    private static void Window(int[] a, int a0, int a1, int[] b, int b0, int b1, List<(int, int)> matches)
    {
        while (a0 < a1 && b0 < b1 && a[a0] == b[b0]) matches.Add((a0++, b0++));
        var tail = 0;
        while (a1 - tail > a0 && b1 - tail > b0 && a[a1 - 1 - tail] == b[b1 - 1 - tail]) tail++;
        Myers(a, a0, a1 - tail, b, b0, b1 - tail, matches);
        for (var i = tail; i > 0; i--) matches.Add((a1 - i, b1 - i));
    }

    private static void Myers(int[] a, int a0, int a1, int[] b, int b0, int b1, List<(int, int)> matches)
    {
        int n = a1 - a0, m = b1 - b0;
        if (n == 0 || m == 0) return;
        var max = Math.Min(n + m, MaxWindowDifferences);
        var v = new int[2 * max + 3];
        var offset = max + 1;
        var trace = new List<int[]>();
        var found = -1;
        for (var d = 0; d <= max && found < 0; d++)
        {
            for (var k = -d; k <= d; k += 2)
            {
                int x;
                if (d == 0) x = 0;
                else if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) x = v[offset + k + 1];
                else x = v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[a0 + x] == b[b0 + y])
                {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) found = d;
            }
            var snapshot = new int[2 * d + 1];
            Array.Copy(v, offset - d, snapshot, 0, snapshot.Length);
            trace.Add(snapshot);
        }
        if (found < 0) return; // too different: no matches in this window

        var reversed = new List<(int, int)>();
        int cx = n, cy = m;
        for (var d = found; d > 0; d--)
        {
            var before = trace[d - 1];
            var k = cx - cy;
            var down = k == -d || (k != d && before[k - 1 + d - 1] < before[k + 1 + d - 1]);
            var previousK = down ? k + 1 : k - 1;
            var px = before[previousK + d - 1];
            var py = px - previousK;
            var sx = down ? px : px + 1;
            while (cx > sx)
            {
                reversed.Add((a0 + cx - 1, b0 + cy - 1));
                cx--;
                cy--;
            }
            cx = px;
            cy = py;
        }
        while (cx > 0 && cy > 0)
        {
            reversed.Add((a0 + cx - 1, b0 + cy - 1));
            cx--;
            cy--;
        }
        reversed.Reverse();
        matches.AddRange(reversed);
    }
}
