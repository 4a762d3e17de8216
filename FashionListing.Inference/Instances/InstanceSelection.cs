namespace FashionListing.Inference.Instances;

/// <summary>The steps both layouts share: ranking by score and greedy mask non-maximum suppression.</summary>
internal static class InstanceSelection
{
    /// <summary>
    /// The indices whose score is at least <paramref name="minimumScore"/>, best first (ties by index), at most
    /// <paramref name="topK"/> of them.
    /// </summary>
    public static int[] Rank(float[] scores, float minimumScore, int topK)
    {
        List<int> passing = [];
        for (int i = 0; i < scores.Length; i++)
        {
            if (scores[i] >= minimumScore)
            {
                passing.Add(i);
            }
        }

        passing.Sort((a, b) => scores[a] != scores[b] ? scores[b].CompareTo(scores[a]) : a.CompareTo(b));
        int count = Math.Clamp(topK, 0, passing.Count);

        return [.. passing.Take(count)];
    }

    /// <summary>
    /// Visits the ranked candidates best first and keeps each whose mask overlaps no kept one with an IoU of
    /// <paramref name="nmsIou"/> or more, until <paramref name="maxInstances"/> are kept. A candidate with no
    /// cell above the mask threshold is skipped, since its photo mask would be empty.
    /// </summary>
    /// <param name="ranked">Candidate indices, best first.</param>
    /// <param name="analyse">The candidate's grid mask, or null when it has none.</param>
    /// <param name="nmsIou">The IoU at which the lower-scoring mask is dropped.</param>
    /// <param name="maxInstances">How many to keep at most.</param>
    /// <param name="dropped">Told of every analysed mask that is not kept, so its buffer can be reused.</param>
    public static List<(int Index, CandidateMask Mask)> Suppress(
        int[] ranked,
        Func<int, CandidateMask?> analyse,
        float nmsIou,
        int maxInstances,
        Action<CandidateMask>? dropped = null)
    {
        List<(int Index, CandidateMask Mask)> kept = [];
        foreach (int index in ranked)
        {
            if (kept.Count >= maxInstances)
            {
                break;
            }

            if (analyse(index) is not { } mask)
            {
                continue;
            }

            bool overlaps = false;
            foreach ((int _, CandidateMask other) in kept)
            {
                if (MaskGrid.IntersectionOverUnion(mask, other) >= nmsIou)
                {
                    overlaps = true;
                    break;
                }
            }

            if (overlaps)
            {
                dropped?.Invoke(mask);
            }
            else
            {
                kept.Add((index, mask));
            }
        }

        return kept;
    }

    /// <summary>The logistic sigmoid of each logit in a row.</summary>
    public static float[] Sigmoid(float[] values, int offset, int count)
    {
        float[] result = new float[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = 1f / (1f + MathF.Exp(-values[offset + i]));
        }

        return result;
    }
}
