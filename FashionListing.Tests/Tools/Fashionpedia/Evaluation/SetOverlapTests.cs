using FashionListing.Tools.Fashionpedia.Evaluation;

namespace FashionListing.Tests.Tools.Fashionpedia.Evaluation;

public sealed class SetOverlapTests
{
    [Fact]
    public void Dice_OneOfTwoShared_IsOneHalf()
    {
        // 2 * 1 / (2 + 2)
        Assert.Equal(0.5, SetOverlap.Dice([1, 2], [1, 3]));
    }

    [Fact]
    public void Dice_SubsetOfThree_IsFourFifths()
    {
        // 2 * 2 / (3 + 2)
        Assert.Equal(0.8, SetOverlap.Dice([115, 136, 295], [136, 295]), 12);
    }

    [Fact]
    public void Dice_BothEmpty_IsOne()
    {
        Assert.Equal(1, SetOverlap.Dice([], []));
    }

    [Fact]
    public void Dice_OneEmpty_IsZero()
    {
        Assert.Equal(0, SetOverlap.Dice([4], []));
    }

    [Fact]
    public void Dice_RepeatedIds_CountOnce()
    {
        Assert.Equal(1, SetOverlap.Dice([4, 4], [4]));
    }
}
