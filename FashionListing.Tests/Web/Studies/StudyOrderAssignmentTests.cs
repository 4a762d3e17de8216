using FashionListing.Web.Studies;
using FashionListing.Web.Studies.Analysis;

namespace FashionListing.Tests.Web.Studies;

public sealed class StudyOrderAssignmentTests
{
    [Fact]
    public void For_Alternate_StartsWithAThenBAndAlternates()
    {
        TaskOrder[] orders =
            [.. Enumerable.Range(0, 5).Select(i => StudyOrderAssignment.For(StudyOrderRule.Alternate, null, i))];

        Assert.Equal(
            [TaskOrder.AThenB, TaskOrder.BThenA, TaskOrder.AThenB, TaskOrder.BThenA, TaskOrder.AThenB],
            orders);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20261204)]
    [InlineData(-7)]
    public void For_SeededRandom_EveryPairHoldsOneOfEachOrder(int seed)
    {
        TaskOrder[] orders = [.. Enumerable.Range(0, 200).Select(i => Random(seed, i))];

        for (int pair = 0; pair < 100; pair++)
        {
            Assert.NotEqual(orders[2 * pair], orders[(2 * pair) + 1]);
        }

        Assert.Equal(100, orders.Count(o => o == TaskOrder.AThenB));
    }

    [Fact]
    public void For_SeededRandom_SameSeedGivesTheSameOrdersEveryTime()
    {
        TaskOrder[] first = [.. Enumerable.Range(0, 50).Select(i => Random(42, i))];
        TaskOrder[] again = [.. Enumerable.Range(0, 50).Select(i => Random(42, i))];

        Assert.Equal(first, again);
    }

    [Fact]
    public void For_SeededRandom_PairsDoNotAllStartAlike()
    {
        // Random, not alternation in disguise: over 50 pairs both first orders occur.
        TaskOrder[] firstOfPairs = [.. Enumerable.Range(0, 50).Select(pair => Random(42, 2 * pair))];

        Assert.Contains(TaskOrder.AThenB, firstOfPairs);
        Assert.Contains(TaskOrder.BThenA, firstOfPairs);
    }

    [Fact]
    public void For_SeededRandom_OtherSeedGivesOtherOrders()
    {
        TaskOrder[] one = [.. Enumerable.Range(0, 60).Select(i => Random(1, i))];
        TaskOrder[] two = [.. Enumerable.Range(0, 60).Select(i => Random(2, i))];

        Assert.NotEqual(one, two);
    }

    [Fact]
    public void For_SeededRandomWithoutSeed_Throws()
    {
        Assert.Throws<ArgumentException>(() => StudyOrderAssignment.For(StudyOrderRule.SeededRandom, null, 0));
    }

    [Theory]
    [InlineData(TaskOrder.AThenB, 1, StudyFlow.A)]
    [InlineData(TaskOrder.AThenB, 2, StudyFlow.B)]
    [InlineData(TaskOrder.BThenA, 1, StudyFlow.B)]
    [InlineData(TaskOrder.BThenA, 2, StudyFlow.A)]
    public void FlowAt_OrderAndPosition_GivesTheFlow(TaskOrder order, int position, StudyFlow expected)
    {
        Assert.Equal(expected, StudyOrderAssignment.FlowAt(order, position));
    }

    private static TaskOrder Random(int seed, int index) =>
        StudyOrderAssignment.For(StudyOrderRule.SeededRandom, seed, index);
}
