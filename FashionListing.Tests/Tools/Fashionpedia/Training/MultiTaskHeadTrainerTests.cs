using FashionListing.Tools.Fashionpedia.Training;

namespace FashionListing.Tests.Tools.Fashionpedia.Training;

public sealed class MultiTaskHeadTrainerTests
{
    [Fact]
    public void Train_SeparableInstances_LowersTheValidationLossAndKeepsTheBestEpoch()
    {
        HeadExample[] train = Clusters(60, new Random(1));
        HeadExample[] validation = Clusters(30, new Random(2));
        MultiTaskSettings settings = new(LearningRate: 0.02, LogVarianceLearningRate: 0.02, BatchSize: 8, Epochs: 6);

        MultiTaskResult result = MultiTaskHeadTrainer.Train(train, validation, 3, 4, settings);

        Assert.Equal(7, result.History.Count);
        Assert.True(result.History[^1].Validation.Total < result.History[0].Validation.Total - 0.5);
        Assert.True(result.History[^1].Validation.Attribute < result.History[0].Validation.Attribute);
        Assert.Equal(1.0, result.History[^1].ValidationTop1);
        double lowest = result.History.Min(e => e.Validation.Total);
        Assert.Equal(lowest, result.History[result.BestEpoch].Validation.Total);
    }

    [Fact]
    public void Train_LogVariances_MoveTowardsTheLogOfEachTaskLoss()
    {
        HeadExample[] train = Clusters(60, new Random(3));
        MultiTaskSettings settings = new(LearningRate: 0.02, LogVarianceLearningRate: 0.05, BatchSize: 8, Epochs: 8);

        MultiTaskResult result = MultiTaskHeadTrainer.Train(train, train, 3, 4, settings);

        // Both losses fall below 1, so exp(-s) L + s is lowest at s = log L < 0: the weights rise above 1.
        EpochLosses last = result.History[^1];
        Assert.True(last.Train.Category < 1 && last.Train.Attribute < 1);
        Assert.True(last.Validation.CategoryWeight > 1.2, $"category weight {last.Validation.CategoryWeight}");
        Assert.True(last.Validation.AttributeWeight > 1.2, $"attribute weight {last.Validation.AttributeWeight}");
    }

    [Fact]
    public void Train_SameSeed_GivesTheSameHeads()
    {
        HeadExample[] train = Clusters(40, new Random(4));
        MultiTaskSettings settings = new(LearningRate: 0.01, BatchSize: 7, Epochs: 2, Seed: 5);

        MultiTaskResult first = MultiTaskHeadTrainer.Train(train, train, 3, 4, settings);
        MultiTaskResult second = MultiTaskHeadTrainer.Train(train, train, 3, 4, settings);

        Assert.Equal(first.Best.Category.Weights, second.Best.Category.Weights);
        Assert.Equal(first.Best.Attributes.Weights, second.Best.Attributes.Weights);
        Assert.Equal(first.Best.LogVariances, second.Best.LogVariances);
    }

    [Fact]
    public void Train_EmptyValidation_Throws()
    {
        HeadExample[] train = Clusters(10, new Random(6));

        Assert.Throws<ArgumentException>(() => MultiTaskHeadTrainer.Train(train, [], 3, 4, new MultiTaskSettings()));
    }

    // Three categories at three corners of a 4-dimensional cube, with noise; attribute a is on when
    // feature a is positive; attribute 3 is observed only for category 2.
    private static HeadExample[] Clusters(int count, Random random)
    {
        float[][] centres = [[2, 0, -2, 1], [-2, 2, 0, -1], [0, -2, 2, 1]];
        HeadExample[] examples = new HeadExample[count];
        for (int n = 0; n < count; n++)
        {
            int category = n % 3;
            float[] features = [.. centres[category].Select(c => c + (float)((random.NextDouble() - 0.5) * 0.6))];
            bool[] targets = [.. features.Select(f => f > 0)];
            bool[] observed = [true, true, true, category == 2];
            examples[n] = new HeadExample(features, category, targets, observed);
        }

        return examples;
    }
}
