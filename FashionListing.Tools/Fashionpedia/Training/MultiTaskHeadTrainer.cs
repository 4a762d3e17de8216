using System.Diagnostics;
using FashionListing.Tools.Classification;

namespace FashionListing.Tools.Fashionpedia.Training;

/// <summary>How the two heads are trained.</summary>
/// <param name="LearningRate">AdamW's step size for the heads' weights and biases.</param>
/// <param name="LogVarianceLearningRate">AdamW's step size for the two log-variances.</param>
/// <param name="WeightDecay">Decoupled weight decay of the two weight matrices.</param>
/// <param name="BatchSize">Instances per step.</param>
/// <param name="Epochs">Passes over the training instances.</param>
/// <param name="Seed">Seed of the shuffling.</param>
public sealed record MultiTaskSettings(
    double LearningRate = 1e-5,
    double LogVarianceLearningRate = 1e-5,
    double WeightDecay = 0.01,
    int BatchSize = 32,
    int Epochs = 10,
    int Seed = 7);

/// <summary>The losses after one epoch (epoch 0: before the first step).</summary>
/// <param name="Epoch">The epoch number.</param>
/// <param name="Train">Losses on all training instances with the epoch's final parameters.</param>
/// <param name="Validation">Losses on the validation instances.</param>
/// <param name="ValidationTop1">Share of validation instances whose most probable category is right.</param>
/// <param name="Seconds">Time the epoch's steps and both evaluations took.</param>
public sealed record EpochLosses(
    int Epoch,
    TaskLosses Train,
    TaskLosses Validation,
    double ValidationTop1,
    double Seconds);

/// <summary>What a training run produced.</summary>
/// <param name="Best">The heads of the epoch with the lowest validation total loss.</param>
/// <param name="BestEpoch">That epoch.</param>
/// <param name="History">One entry per epoch, epoch 0 first.</param>
public sealed record MultiTaskResult(FashionpediaHeads Best, int BestEpoch, IReadOnlyList<EpochLosses> History);

/// <summary>
/// Trains the category and attribute heads together with mini-batch AdamW on the
/// uncertainty-weighted loss of <see cref="MultiTaskObjective"/>, keeping the epoch with the lowest
/// validation total. Deterministic for a seed: one thread, a seeded shuffle, no random initialisation.
/// </summary>
/// <remarks>
/// The weights start at zero and the biases at the training set's log-frequencies: the category
/// biases at <c>log((n_k + 1) / (N + K))</c>, each attribute's at the log-odds of
/// <c>(positives + 1) / (observed + 2)</c>. At a learning rate of 1e-5 the heads move slowly, and
/// starting from the priors spends those steps on the features instead of on the base rates.
/// The log-variances start at 0, both task weights at 1.
/// </remarks>
public static class MultiTaskHeadTrainer
{
    /// <summary>Trains the heads.</summary>
    /// <param name="train">Training instances (raw features); the standardiser is fitted on them.</param>
    /// <param name="validation">Validation instances (raw features), for choosing the epoch.</param>
    /// <param name="categories">Number of categories.</param>
    /// <param name="attributes">Number of attributes.</param>
    /// <param name="settings">Hyperparameters.</param>
    /// <param name="onEpoch">
    /// Called after each epoch with its losses, the current heads and whether they are the best so
    /// far; the command writes its checkpoints here.
    /// </param>
    public static MultiTaskResult Train(
        IReadOnlyList<HeadExample> train,
        IReadOnlyList<HeadExample> validation,
        int categories,
        int attributes,
        MultiTaskSettings settings,
        Action<EpochLosses, FashionpediaHeads, bool>? onEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(settings);
        if (train.Count == 0 || validation.Count == 0)
        {
            throw new ArgumentException(
                $"Training needs instances in both parts; train has {train.Count}, validation {validation.Count}.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(settings.BatchSize, 1);
        Standardiser standardiser = Standardiser.Fit(train.Select(e => e.Features).ToArray());
        HeadExample[] trainSet = [.. train.Select(e => e with { Features = standardiser.Apply(e.Features) })];
        HeadExample[] validationSet = [.. validation.Select(e => e with { Features = standardiser.Apply(e.Features) })];
        FashionpediaHeads heads = Initial(standardiser, trainSet, categories, attributes);
        MultiTaskOptimizer optimizer = new(
            heads, settings.LearningRate, settings.LogVarianceLearningRate, settings.WeightDecay);
        HeadGradients gradients = new(heads);
        Random random = new(settings.Seed);
        int[] order = [.. Enumerable.Range(0, trainSet.Length)];
        List<EpochLosses> history = [];
        FashionpediaHeads best = heads.DeepCopy();
        int bestEpoch = 0;

        for (int epoch = 0; epoch <= settings.Epochs; epoch++)
        {
            long started = Stopwatch.GetTimestamp();
            if (epoch > 0)
            {
                random.Shuffle(order);
                for (int start = 0; start < order.Length; start += settings.BatchSize)
                {
                    HeadExample[] batch = order[start..Math.Min(order.Length, start + settings.BatchSize)]
                        .Select(i => trainSet[i])
                        .ToArray();
                    gradients.Clear();
                    MultiTaskObjective.Evaluate(heads, batch, gradients);
                    optimizer.Step(heads, gradients);
                }
            }

            TaskLosses trainLosses = MultiTaskObjective.Evaluate(heads, trainSet);
            TaskLosses validationLosses = MultiTaskObjective.Evaluate(heads, validationSet);
            double top1 = validationSet.Count(e => ArgMax(HeadTrainer.Dense(heads.Category, e.Features)) == e.Category)
                / (double)validationSet.Length;
            EpochLosses losses = new(
                epoch, trainLosses, validationLosses, top1, Stopwatch.GetElapsedTime(started).TotalSeconds);
            history.Add(losses);
            bool isBest = epoch == 0 || validationLosses.Total < history[bestEpoch].Validation.Total;
            if (isBest)
            {
                best = heads.DeepCopy();
                bestEpoch = epoch;
            }

            onEpoch?.Invoke(losses, heads, isBest);
        }

        return new MultiTaskResult(best, bestEpoch, history);
    }

    private static FashionpediaHeads Initial(
        Standardiser standardiser,
        HeadExample[] train,
        int categories,
        int attributes)
    {
        int inputs = train[0].Features.Length;
        float[] categoryBiases = new float[categories];
        for (int k = 0; k < categories; k++)
        {
            int count = train.Count(e => e.Category == k);
            categoryBiases[k] = (float)Math.Log((count + 1.0) / (train.Length + categories));
        }

        float[] attributeBiases = new float[attributes];
        for (int a = 0; a < attributes; a++)
        {
            int observed = train.Count(e => e.AttributeObserved[a]);
            int positives = train.Count(e => e.AttributeObserved[a] && e.AttributeTargets[a]);
            double share = (positives + 1.0) / (observed + 2.0);
            attributeBiases[a] = (float)Math.Log(share / (1 - share));
        }

        return new FashionpediaHeads(
            standardiser,
            new DenseLayer(inputs, categories, new float[inputs * categories], categoryBiases),
            new DenseLayer(inputs, attributes, new float[inputs * attributes], attributeBiases),
            [0f, 0f]);
    }

    private static int ArgMax(float[] values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
