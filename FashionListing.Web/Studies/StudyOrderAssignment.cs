using FashionListing.Web.Studies.Analysis;

namespace FashionListing.Web.Studies;

/// <summary>
/// Chooses the order of the two flows for the participant invited as number <c>index</c> (from 0). Both rules
/// balance the orders: after every even number of invitations exactly half are A then B.
/// </summary>
public static class StudyOrderAssignment
{
    /// <summary>The order of participant <paramref name="index"/> under the rule (and seed, for random).</summary>
    public static TaskOrder For(StudyOrderRule rule, int? seed, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);

        return rule switch
        {
            StudyOrderRule.Alternate => index % 2 == 0 ? TaskOrder.AThenB : TaskOrder.BThenA,
            StudyOrderRule.SeededRandom => Randomised(
                seed ?? throw new ArgumentException("A seeded random order needs a seed.", nameof(seed)),
                index),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown order rule."),
        };
    }

    // Permuted blocks of two: one coin per pair decides whether the pair's first participant goes A then B,
    // and the second gets the other order. The coin is SplitMix64 of (seed, pair) rather than System.Random,
    // whose sequence for a seed is not promised to stay the same across .NET versions.
    private static TaskOrder Randomised(int seed, int index)
    {
        ulong coin = SplitMix64(((ulong)(uint)seed << 32) | (uint)(index / 2));
        bool pairStartsWithA = (coin & 1) == 0;
        bool first = index % 2 == 0;

        return pairStartsWithA == first ? TaskOrder.AThenB : TaskOrder.BThenA;
    }

    private static ulong SplitMix64(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;

        return x ^ (x >> 31);
    }

    /// <summary>The flow of the task at <paramref name="position"/> (1 or 2) for an order.</summary>
    public static StudyFlow FlowAt(TaskOrder order, int position) => (order, position) switch
    {
        (TaskOrder.AThenB, 1) or (TaskOrder.BThenA, 2) => StudyFlow.A,
        (TaskOrder.AThenB, 2) or (TaskOrder.BThenA, 1) => StudyFlow.B,
        _ => throw new ArgumentOutOfRangeException(nameof(position), position, "A task position is 1 or 2."),
    };
}
