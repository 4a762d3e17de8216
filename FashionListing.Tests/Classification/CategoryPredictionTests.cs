using FashionListing.Inference.Classification;

namespace FashionListing.Tests.Classification;

public sealed class CategoryPredictionTests
{
    [Fact]
    public void Top_Two_GivesTheMostProbableFirst()
    {
        CategoryPrediction prediction = new(["Hat", "Pants", "Shoes", "Skirt"], [0.1f, 0.5f, 0.15f, 0.25f]);

        IReadOnlyList<LabelProbability> top = prediction.Top(2);

        Assert.Equal([new LabelProbability("Pants", 0.5f), new LabelProbability("Skirt", 0.25f)], top);
    }

    [Fact]
    public void Top_EqualProbabilities_KeepsTheLabelOrder()
    {
        CategoryPrediction prediction = new(["Hat", "Pants", "Shoes"], [0.25f, 0.25f, 0.5f]);

        IReadOnlyList<LabelProbability> top = prediction.Top(3);

        Assert.Equal(["Shoes", "Hat", "Pants"], top.Select(t => t.Label));
    }

    [Fact]
    public void Top_MoreThanTheLabels_GivesEveryLabel()
    {
        CategoryPrediction prediction = new(["Hat", "Pants"], [0.75f, 0.25f]);

        IReadOnlyList<LabelProbability> top = prediction.Top(5);

        Assert.Equal(2, top.Count);
    }
}
