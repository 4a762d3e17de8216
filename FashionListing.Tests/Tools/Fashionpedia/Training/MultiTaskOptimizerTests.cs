using FashionListing.Tools.Classification;
using FashionListing.Tools.Fashionpedia.Training;

namespace FashionListing.Tests.Tools.Fashionpedia.Training;

public sealed class MultiTaskOptimizerTests
{
    [Fact]
    public void Step_ZeroGradient_DecaysOnlyTheWeightMatrices()
    {
        FashionpediaHeads heads = Heads();
        MultiTaskOptimizer optimizer = new(heads, learningRate: 0.1, logVarianceLearningRate: 0.1, weightDecay: 0.5);

        optimizer.Step(heads, new HeadGradients(heads));

        // Decoupled decay: w * (1 - 0.1 * 0.5); Adam's step on a zero gradient is zero.
        Assert.Equal([1.9f, -0.95f], heads.Category.Weights);
        Assert.Equal([0.95f, 0.475f], heads.Attributes.Weights);
        Assert.Equal([3f, -3f], heads.Category.Biases);
        Assert.Equal([1f, 1f], heads.Attributes.Biases);
        Assert.Equal([0.8f, -0.4f], heads.LogVariances);
    }

    [Fact]
    public void Step_FirstStep_MovesTheLogVariancesByTheirOwnLearningRate()
    {
        FashionpediaHeads heads = Heads();
        HeadGradients gradients = new(heads);
        gradients.LogVariances[0] = 2f;
        gradients.LogVariances[1] = -0.5f;
        MultiTaskOptimizer optimizer = new(heads, learningRate: 0.1, logVarianceLearningRate: 0.01, weightDecay: 0);

        optimizer.Step(heads, gradients);

        // Adam's first bias-corrected step is rate * g / |g|, whatever the gradient's size.
        Assert.Equal(0.8 - 0.01, heads.LogVariances[0], 5);
        Assert.Equal(-0.4 + 0.01, heads.LogVariances[1], 5);
        Assert.Equal([2f, -1f], heads.Category.Weights);
    }

    private static FashionpediaHeads Heads() => new(
        new Standardiser([0f], [1f]),
        new DenseLayer(1, 2, [2f, -1f], [3f, -3f]),
        new DenseLayer(1, 2, [1f, 0.5f], [1f, 1f]),
        [0.8f, -0.4f]);
}
