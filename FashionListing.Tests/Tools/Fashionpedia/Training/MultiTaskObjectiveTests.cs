using FashionListing.Tools.Classification;
using FashionListing.Tools.Fashionpedia.Training;

namespace FashionListing.Tests.Tools.Fashionpedia.Training;

public sealed class MultiTaskObjectiveTests
{
    [Fact]
    public void Evaluate_HandMadeHeads_MatchesHandComputation()
    {
        // Zero weights, so only the biases count: category probabilities (1/4, 3/4), attribute
        // probabilities (1/2, 3/4). Instance 1: category 1, attributes (yes, no) both observed;
        // instance 2: category 0, attribute 0 observed as no.
        FashionpediaHeads heads = Heads(categoryBiases: [0f, MathF.Log(3)], attributeBiases: [0f, MathF.Log(3)]);
        heads.LogVariances[FashionpediaHeads.CategoryTask] = MathF.Log(2);
        HeadExample[] examples =
        [
            new([0.7f], 1, [true, false], [true, true]),
            new([-0.3f], 0, [false, true], [true, false]),
        ];

        TaskLosses losses = MultiTaskObjective.Evaluate(heads, examples);

        // L_cat = (-ln 3/4 + ln 4) / 2 = (0.2876820725 + 1.3862943611) / 2.
        Assert.Equal(0.8369882168, losses.Category, 6);
        // L_attr = (-ln 1/2 - ln 1/4 - ln 1/2) / 3 observed pairs = (0.6931471806 * 2 + 1.3862943611) / 3.
        Assert.Equal(0.9241962407, losses.Attribute, 6);
        Assert.Equal(0.5, losses.CategoryWeight, 6);
        Assert.Equal(1.0, losses.AttributeWeight, 6);
        // total = L_cat / 2 + ln 2 + L_attr + 0.
        Assert.Equal(0.4184941084 + 0.6931471806 + 0.9241962407, losses.Total, 6);
    }

    [Fact]
    public void Evaluate_NoObservedAttribute_AttributeLossIsZero()
    {
        FashionpediaHeads heads = Heads(categoryBiases: [0f, 0f], attributeBiases: [2f, -2f]);
        HeadExample[] examples = [new([1f], 0, [true, true], [false, false])];

        TaskLosses losses = MultiTaskObjective.Evaluate(heads, examples);

        Assert.Equal(0.0, losses.Attribute);
        Assert.Equal(Math.Log(2), losses.Category, 6);
    }

    [Fact]
    public void Evaluate_Gradient_MatchesCentralDifferencesForEveryParameter()
    {
        Random random = new(11);
        FashionpediaHeads heads = HeadTestData.RandomHeads(inputs: 5, categories: 4, attributes: 6, random);
        HeadExample[] examples = HeadTestData.RandomExamples(7, inputs: 5, categories: 4, attributes: 6, random);
        HeadGradients gradients = new(heads);

        MultiTaskObjective.Evaluate(heads, examples, gradients);

        (string Name, float[] Parameters, float[] Gradient)[] groups =
        [
            ("category weights", heads.Category.Weights, gradients.CategoryWeights),
            ("category biases", heads.Category.Biases, gradients.CategoryBiases),
            ("attribute weights", heads.Attributes.Weights, gradients.AttributeWeights),
            ("attribute biases", heads.Attributes.Biases, gradients.AttributeBiases),
            ("log-variances", heads.LogVariances, gradients.LogVariances),
        ];
        const float step = 1e-3f;
        foreach ((string name, float[] parameters, float[] gradient) in groups)
        {
            Assert.Contains(gradient, g => Math.Abs(g) > 1e-3);
            for (int i = 0; i < parameters.Length; i++)
            {
                float original = parameters[i];
                parameters[i] = original + step;
                double above = MultiTaskObjective.Evaluate(heads, examples).Total;
                parameters[i] = original - step;
                double below = MultiTaskObjective.Evaluate(heads, examples).Total;
                parameters[i] = original;
                double numeric = (above - below) / (2 * step);

                Assert.True(
                    Math.Abs(numeric - gradient[i]) < 5e-4 + (1e-3 * Math.Abs(numeric)),
                    $"{name}[{i}]: analytic {gradient[i]:G6}, central difference {numeric:G6}");
            }
        }
    }

    private static FashionpediaHeads Heads(float[] categoryBiases, float[] attributeBiases) => new(
        new Standardiser([0f], [1f]),
        new DenseLayer(1, categoryBiases.Length, new float[categoryBiases.Length], categoryBiases),
        new DenseLayer(1, attributeBiases.Length, new float[attributeBiases.Length], attributeBiases),
        [0f, 0f]);
}
