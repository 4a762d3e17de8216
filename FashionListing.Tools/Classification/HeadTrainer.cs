using System.Numerics;

namespace FashionListing.Tools.Classification;

/// <summary>A fully connected layer: <c>y[o] = Biases[o] + sum_i Weights[o * Inputs + i] * x[i]</c>.</summary>
public sealed record DenseLayer(int Inputs, int Outputs, float[] Weights, float[] Biases);

/// <summary>Per-feature standardisation <c>z = (x - Mean) / Scale</c>, fitted on the training samples.</summary>
public sealed record Standardiser(float[] Mean, float[] Scale)
{
    /// <summary>Mean and standard deviation of each feature; a constant feature gets scale 1.</summary>
    public static Standardiser Fit(IReadOnlyList<float[]> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        int length = samples[0].Length;
        double[] sum = new double[length];
        double[] squares = new double[length];
        foreach (float[] sample in samples)
        {
            for (int i = 0; i < length; i++)
            {
                sum[i] += sample[i];
                squares[i] += (double)sample[i] * sample[i];
            }
        }

        float[] mean = new float[length];
        float[] scale = new float[length];
        for (int i = 0; i < length; i++)
        {
            double m = sum[i] / samples.Count;
            double variance = Math.Max(0, (squares[i] / samples.Count) - (m * m));
            mean[i] = (float)m;
            scale[i] = variance > 1e-12 ? (float)Math.Sqrt(variance) : 1f;
        }

        return new Standardiser(mean, scale);
    }

    /// <summary>The standardised copy of one sample.</summary>
    public float[] Apply(ReadOnlySpan<float> sample)
    {
        float[] z = new float[sample.Length];
        for (int i = 0; i < z.Length; i++)
        {
            z[i] = (sample[i] - Mean[i]) / Scale[i];
        }

        return z;
    }
}

/// <summary>How one head is trained.</summary>
/// <param name="Hidden">Units of the hidden ReLU layer; 0 for softmax regression.</param>
/// <param name="LearningRate">AdamW's step size.</param>
/// <param name="WeightDecay">AdamW's decoupled weight decay (biases are not decayed).</param>
/// <param name="Dropout">Dropout rate on the hidden layer while training.</param>
/// <param name="BatchSize">Samples per step.</param>
/// <param name="MaxEpochs">Epochs at most.</param>
/// <param name="Patience">Epochs without a lower validation loss before stopping.</param>
/// <param name="SquareRoot">
/// Whether each feature is replaced by its square root before standardisation. The pooled ReLU
/// features are non-negative and skewed; the root evens out their spread.
/// </param>
/// <param name="LabelSmoothing">Share of the target spread evenly over all labels.</param>
/// <param name="SenderBalanced">
/// Whether each photo's loss is weighted by one over the square root of its sender's photo count,
/// so that the few senders with hundreds of photos do not dominate the head.
/// </param>
public sealed record HeadSettings(
    int Hidden,
    double LearningRate,
    double WeightDecay,
    double Dropout,
    int BatchSize = 64,
    int MaxEpochs = 150,
    int Patience = 12,
    bool SquareRoot = false,
    double LabelSmoothing = 0,
    bool SenderBalanced = false)
{
    /// <summary>A short description for tables.</summary>
    public string Kind => (Hidden == 0 ? "softmax regression" : $"MLP {Hidden} ReLU, dropout {Dropout:0.##}")
        + (SquareRoot ? ", square-root features" : string.Empty)
        + (LabelSmoothing > 0 ? $", label smoothing {LabelSmoothing:0.##}" : string.Empty)
        + (SenderBalanced ? ", sender-balanced" : string.Empty);
}

/// <summary>A trained head with the standardisation it expects and how early stopping went.</summary>
/// <param name="SquareRoot">Whether the raw features are square-rooted before standardisation.</param>
/// <param name="Standardiser">Standardisation of the (square-rooted) features.</param>
/// <param name="Layers">The layers, first to last.</param>
/// <param name="BestEpoch">The epoch whose weights were kept.</param>
/// <param name="EpochsRun">Epochs run before early stopping.</param>
/// <param name="ValidationLoss">Mean validation cross-entropy at the best epoch.</param>
public sealed record TrainedHead(
    bool SquareRoot,
    Standardiser Standardiser,
    IReadOnlyList<DenseLayer> Layers,
    int BestEpoch,
    int EpochsRun,
    double ValidationLoss)
{
    /// <summary>The softmax probabilities for raw features, computed in C#.</summary>
    public float[] Probabilities(ReadOnlySpan<float> features) =>
        HeadTrainer.Forward(Layers, Standardiser.Apply(HeadTrainer.Transform(features, SquareRoot)));
}

/// <summary>
/// Trains a softmax-regression or one-hidden-layer head with AdamW on the cross-entropy, keeping
/// the weights of the epoch with the lowest validation loss. Deterministic for a given seed:
/// one thread, a seeded generator for initialisation, shuffling and dropout.
/// </summary>
public static class HeadTrainer
{
    /// <summary>Trains one head.</summary>
    /// <param name="trainFeatures">Training samples (raw features).</param>
    /// <param name="trainLabels">Their class indices.</param>
    /// <param name="trainSenders">Their senders, for <see cref="HeadSettings.SenderBalanced"/>.</param>
    /// <param name="validationFeatures">Validation samples, for early stopping.</param>
    /// <param name="validationLabels">Their class indices.</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="settings">Hyperparameters.</param>
    /// <param name="seed">Seed of initialisation, shuffling and dropout.</param>
    public static TrainedHead Train(
        IReadOnlyList<float[]> trainFeatures,
        IReadOnlyList<int> trainLabels,
        IReadOnlyList<string> trainSenders,
        IReadOnlyList<float[]> validationFeatures,
        IReadOnlyList<int> validationLabels,
        int classes,
        HeadSettings settings,
        int seed)
    {
        ArgumentNullException.ThrowIfNull(trainFeatures);
        ArgumentNullException.ThrowIfNull(validationFeatures);
        ArgumentNullException.ThrowIfNull(settings);
        float[][] rooted = trainFeatures.Select(f => Transform(f, settings.SquareRoot)).ToArray();
        Standardiser standardiser = Standardiser.Fit(rooted);
        float[][] train = rooted.Select(f => standardiser.Apply(f)).ToArray();
        float[][] validation = validationFeatures
            .Select(f => standardiser.Apply(Transform(f, settings.SquareRoot)))
            .ToArray();
        int inputs = train[0].Length;
        Random random = new(seed);
        float[] weights = SampleWeights(trainSenders, settings.SenderBalanced);

        DenseLayer[] layers = settings.Hidden == 0
            ? [NewLayer(inputs, classes, 0, random)]
            : [NewLayer(inputs, settings.Hidden, Math.Sqrt(2.0 / inputs), random),
                NewLayer(settings.Hidden, classes, Math.Sqrt(1.0 / settings.Hidden), random)];
        AdamState[] states = layers.Select(l => new AdamState(l)).ToArray();
        DenseLayer[] best = Clone(layers);
        double bestLoss = double.PositiveInfinity;
        int bestEpoch = 0;
        int[] order = Enumerable.Range(0, train.Length).ToArray();
        int step = 0;
        int epoch = 0;

        while (epoch < settings.MaxEpochs && epoch - bestEpoch < settings.Patience)
        {
            epoch++;
            random.Shuffle(order);
            for (int start = 0; start < order.Length; start += settings.BatchSize)
            {
                int end = Math.Min(order.Length, start + settings.BatchSize);
                foreach (AdamState state in states)
                {
                    state.ClearGradients();
                }

                for (int b = start; b < end; b++)
                {
                    int sample = order[b];
                    Accumulate(layers, states, train[sample], trainLabels[sample], weights[sample], settings, random);
                }

                step++;
                for (int l = 0; l < layers.Length; l++)
                {
                    states[l].Step(layers[l], end - start, step, settings);
                }
            }

            double loss = MeanLoss(layers, validation, validationLabels);
            if (loss < bestLoss)
            {
                bestLoss = loss;
                bestEpoch = epoch;
                best = Clone(layers);
            }
        }

        return new TrainedHead(settings.SquareRoot, standardiser, best, bestEpoch, epoch, bestLoss);
    }

    /// <summary>The features as the first layer's standardisation expects them.</summary>
    public static float[] Transform(ReadOnlySpan<float> features, bool squareRoot)
    {
        float[] copy = features.ToArray();
        if (squareRoot)
        {
            for (int i = 0; i < copy.Length; i++)
            {
                copy[i] = MathF.Sqrt(Math.Max(0, copy[i]));
            }
        }

        return copy;
    }

    /// <summary>Softmax probabilities of already standardised features.</summary>
    public static float[] Forward(IReadOnlyList<DenseLayer> layers, float[] input)
    {
        ArgumentNullException.ThrowIfNull(layers);
        float[] activation = input;
        for (int l = 0; l < layers.Count; l++)
        {
            activation = Dense(layers[l], activation);
            if (l < layers.Count - 1)
            {
                Relu(activation);
            }
        }

        Softmax(activation);

        return activation;
    }

    private static double MeanLoss(DenseLayer[] layers, float[][] samples, IReadOnlyList<int> labels)
    {
        double total = 0;
        for (int i = 0; i < samples.Length; i++)
        {
            total -= Math.Log(Math.Max(Forward(layers, samples[i])[labels[i]], 1e-12));
        }

        return total / samples.Length;
    }

    private static void Accumulate(
        DenseLayer[] layers,
        AdamState[] states,
        float[] input,
        int label,
        float weight,
        HeadSettings settings,
        Random random)
    {
        if (layers.Length == 1)
        {
            float[] probabilities = Dense(layers[0], input);
            Softmax(probabilities);
            OutputGradient(probabilities, label, weight, settings.LabelSmoothing);
            states[0].AddOuterProduct(probabilities, input);

            return;
        }

        double dropout = settings.Dropout;

        float[] hidden = Dense(layers[0], input);
        float keep = (float)(1 - dropout);
        for (int h = 0; h < hidden.Length; h++)
        {
            bool dropped = dropout > 0 && random.NextDouble() < dropout;
            hidden[h] = hidden[h] <= 0 || dropped ? 0 : hidden[h] / keep;
        }

        float[] output = Dense(layers[1], hidden);
        Softmax(output);
        OutputGradient(output, label, weight, settings.LabelSmoothing);
        states[1].AddOuterProduct(output, hidden);

        // Back through the second layer; units that were off (ReLU or dropout) pass no gradient.
        float[] hiddenGradient = new float[hidden.Length];
        DenseLayer second = layers[1];
        for (int o = 0; o < second.Outputs; o++)
        {
            Axpy(output[o], second.Weights.AsSpan(o * second.Inputs, second.Inputs), hiddenGradient);
        }

        for (int h = 0; h < hidden.Length; h++)
        {
            hiddenGradient[h] = hidden[h] > 0 ? hiddenGradient[h] / keep : 0;
        }

        states[0].AddOuterProduct(hiddenGradient, input);
    }

    // Turns softmax probabilities into the cross-entropy's gradient with respect to the logits:
    // weight * (p - target), the target being the smoothed one-hot label.
    private static void OutputGradient(float[] probabilities, int label, float weight, double smoothing)
    {
        float spread = (float)(smoothing / probabilities.Length);
        for (int k = 0; k < probabilities.Length; k++)
        {
            float target = (k == label ? (float)(1 - smoothing) : 0) + spread;
            probabilities[k] = weight * (probabilities[k] - target);
        }
    }

    private static float[] SampleWeights(IReadOnlyList<string> senders, bool balanced)
    {
        float[] weights = new float[senders.Count];
        if (!balanced)
        {
            Array.Fill(weights, 1f);

            return weights;
        }

        Dictionary<string, int> counts = senders.GroupBy(s => s, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = 1f / MathF.Sqrt(counts[senders[i]]);
        }

        // Rescaled to a mean of 1, so that the learning rate means the same with and without.
        float mean = weights.Average();
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] /= mean;
        }

        return weights;
    }

    internal static float[] Dense(DenseLayer layer, float[] input)
    {
        float[] output = new float[layer.Outputs];
        for (int o = 0; o < layer.Outputs; o++)
        {
            output[o] = layer.Biases[o] + Dot(layer.Weights.AsSpan(o * layer.Inputs, layer.Inputs), input);
        }

        return output;
    }

    private static void Relu(float[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Math.Max(0, values[i]);
        }
    }

    internal static void Softmax(float[] values)
    {
        float max = values.Max();
        double sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = MathF.Exp(values[i] - max);
            sum += values[i];
        }

        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)(values[i] / sum);
        }
    }

    internal static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int width = Vector<float>.Count;
        Vector<float> acc = Vector<float>.Zero;
        int i = 0;
        for (; i <= a.Length - width; i += width)
        {
            acc += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        float sum = Vector.Sum(acc);
        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    internal static void Axpy(float alpha, ReadOnlySpan<float> x, Span<float> y)
    {
        int width = Vector<float>.Count;
        int i = 0;
        for (; i <= x.Length - width; i += width)
        {
            (new Vector<float>(y[i..]) + (alpha * new Vector<float>(x[i..]))).CopyTo(y[i..]);
        }

        for (; i < x.Length; i++)
        {
            y[i] += alpha * x[i];
        }
    }

    internal static DenseLayer NewLayer(int inputs, int outputs, double deviation, Random random)
    {
        float[] weights = new float[inputs * outputs];
        for (int i = 0; i < weights.Length; i++)
        {
            // Box-Muller: a standard normal from two uniforms.
            double u = 1.0 - random.NextDouble();
            double v = random.NextDouble();
            weights[i] = (float)(deviation * Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v));
        }

        return new DenseLayer(inputs, outputs, weights, new float[outputs]);
    }

    private static DenseLayer[] Clone(DenseLayer[] layers) =>
        layers.Select(l => l with { Weights = (float[])l.Weights.Clone(), Biases = (float[])l.Biases.Clone() })
            .ToArray();

    private sealed class AdamState(DenseLayer layer)
    {
        private readonly float[] _weightGradient = new float[layer.Weights.Length];
        private readonly float[] _biasGradient = new float[layer.Biases.Length];
        private readonly AdamWMoments _weightMoments = new(layer.Weights.Length);
        private readonly AdamWMoments _biasMoments = new(layer.Biases.Length);

        public void ClearGradients()
        {
            Array.Clear(_weightGradient);
            Array.Clear(_biasGradient);
        }

        public void AddOuterProduct(float[] outputGradient, float[] input)
        {
            int inputs = input.Length;
            for (int o = 0; o < outputGradient.Length; o++)
            {
                if (outputGradient[o] != 0)
                {
                    Axpy(outputGradient[o], input, _weightGradient.AsSpan(o * inputs, inputs));
                    _biasGradient[o] += outputGradient[o];
                }
            }
        }

        public void Step(DenseLayer target, int batch, int step, HeadSettings settings)
        {
            float scale = 1f / batch;
            _weightMoments.Step(
                target.Weights, _weightGradient, scale, step, settings.LearningRate, settings.WeightDecay);
            _biasMoments.Step(target.Biases, _biasGradient, scale, step, settings.LearningRate, 0);
        }
    }
}
