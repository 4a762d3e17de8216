using FashionListing.Inference.Classification;
using FashionListing.Inference.Runtime;
using FashionListing.Tools.Classification;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FashionListing.Tests.Classification;

public sealed class CategoryHeadExporterTests : IDisposable
{
    private static readonly CategoryHeadRecipe s_recipe = new(
        CategoryFeatureSet.Embedding, CropMargin: 0.05f, BlankBackground: false, MirrorAverage: true);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "category-head-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Predict_TinySoftmaxHead_GivesHandComputedProbabilities()
    {
        // Standardisation of features 0 and 1: mean (1, 2), scale (2, 4); the others are read
        // unchanged and carry zero weight. x = (3, 6) standardises to z = (1, 1), so the logits
        // are (z0, z1, z0 + z1) + (0, 0, 0) = (1, 1, 2).
        Standardiser standardiser = Standardiser(mean: [1, 2], scale: [2, 4]);
        DenseLayer layer = Layer(3, [(0, 0, 1f), (1, 1, 1f), (2, 0, 1f), (2, 1, 1f)], biases: [0, 0, 0]);
        float[] x = Features(3, 6);
        WriteHead(standardiser, [layer], ["A", "B", "C"]);

        using CategoryHead head = CategoryHead.Load(_folder, SessionFactory());
        CategoryPrediction prediction = head.Predict(x);

        // softmax(1, 1, 2) = (1, 1, e) / (2 + e): 1 / 4.718282 = 0.211942, e / 4.718282 = 0.576117.
        Assert.Equal(["A", "B", "C"], prediction.Labels);
        Assert.Equal(0.211942f, prediction.Probabilities[0], 5);
        Assert.Equal(0.211942f, prediction.Probabilities[1], 5);
        Assert.Equal(0.576117f, prediction.Probabilities[2], 5);
    }

    [Fact]
    public void Predict_TinySquareRootHead_TakesTheRootBeforeStandardising()
    {
        // x = (4, 16) has roots (2, 4), which standardise with mean (1, 2) and scale (2, 4) to
        // z = (0.5, 0.5): logits (0.5, 0.5, 1).
        Standardiser standardiser = Standardiser(mean: [1, 2], scale: [2, 4]);
        DenseLayer layer = Layer(3, [(0, 0, 1f), (1, 1, 1f), (2, 0, 1f), (2, 1, 1f)], biases: [0, 0, 0]);
        byte[] model = CategoryHeadExporter.ToOnnx(standardiser, [layer], s_recipe, squareRoot: true);
        CategoryHeadExporter.Write(_folder, model, ["A", "B", "C"]);

        using CategoryHead head = CategoryHead.Load(_folder, SessionFactory());
        CategoryPrediction prediction = head.Predict(Features(4, 16));

        // softmax(0.5, 0.5, 1) = (1, 1, e^0.5) / (2 + e^0.5): 1 / 3.648721 = 0.274068,
        // 1.648721 / 3.648721 = 0.451863.
        Assert.Equal(0.274068f, prediction.Probabilities[0], 5);
        Assert.Equal(0.274068f, prediction.Probabilities[1], 5);
        Assert.Equal(0.451863f, prediction.Probabilities[2], 5);
    }

    [Fact]
    public void Predict_TinyMlpHead_AppliesReluBetweenTheLayers()
    {
        // No standardisation (mean 0, scale 1). x = (2, 3): hidden = relu(x0 - x1, x1) = relu(-1, 3)
        // = (0, 3); logits = (h0 + h1, -h1 + 1) = (3, -2); softmax = (1, e^-5) / (1 + e^-5).
        Standardiser standardiser = Standardiser(mean: [0, 0], scale: [1, 1]);
        DenseLayer hidden = Layer(2, [(0, 0, 1f), (0, 1, -1f), (1, 1, 1f)], biases: [0, 0]);
        DenseLayer output = new(2, 2, [1f, 1f, 0f, -1f], [0f, 1f]);
        WriteHead(standardiser, [hidden, output], ["Up", "Down"]);

        using CategoryHead head = CategoryHead.Load(_folder, SessionFactory());
        CategoryPrediction prediction = head.Predict(Features(2, 3));

        // e^-5 = 0.006738; 1 / 1.006738 = 0.993307; 0.006738 / 1.006738 = 0.006693.
        Assert.Equal(0.993307f, prediction.Probabilities[0], 5);
        Assert.Equal(0.006693f, prediction.Probabilities[1], 5);
    }

    [Fact]
    public void FoldStandardisation_RandomLayer_EqualsStandardisingThenMultiplying()
    {
        Random random = new(3);
        int inputs = 40;
        int outputs = 7;
        float[] mean = Enumerable.Range(0, inputs).Select(_ => (float)(random.NextDouble() * 4)).ToArray();
        float[] scale = Enumerable.Range(0, inputs).Select(_ => (float)(0.1 + random.NextDouble())).ToArray();
        float[] weights = Enumerable.Range(0, inputs * outputs)
            .Select(_ => (float)(random.NextDouble() - 0.5))
            .ToArray();
        float[] biases = Enumerable.Range(0, outputs).Select(_ => (float)random.NextDouble()).ToArray();
        float[] x = Enumerable.Range(0, inputs).Select(_ => (float)(random.NextDouble() * 5)).ToArray();
        DenseLayer layer = new(inputs, outputs, weights, biases);

        DenseLayer folded = CategoryHeadExporter.FoldStandardisation(new Standardiser(mean, scale), layer);

        for (int o = 0; o < outputs; o++)
        {
            double unfolded = biases[o];
            double foldedValue = folded.Biases[o];
            for (int i = 0; i < inputs; i++)
            {
                unfolded += weights[(o * inputs) + i] * ((x[i] - mean[i]) / scale[i]);
                foldedValue += folded.Weights[(o * inputs) + i] * x[i];
            }

            Assert.Equal(unfolded, foldedValue, 3);
        }
    }

    [Fact]
    public void Predict_ExportedHead_EqualsTheTrainedHeadsOwnMath()
    {
        Random random = new(11);
        float[][] samples = Enumerable.Range(0, 60)
            .Select(_ => Enumerable.Range(0, 512).Select(_ => (float)(random.NextDouble() * 3)).ToArray())
            .ToArray();
        int[] labels = samples.Select(s => s[0] > 1.5f ? (s[1] > 1.5f ? 2 : 1) : 0).ToArray();
        string[] senders = samples.Select((_, i) => $"sender{i % 7}").ToArray();
        HeadSettings settings = new(8, 1e-2, 0.01, 0, MaxEpochs: 5, SquareRoot: true, SenderBalanced: true);
        TrainedHead trained = HeadTrainer.Train(samples, labels, senders, samples, labels, 3, settings, 1);
        CategoryHeadExporter.Write(_folder, CategoryHeadExporter.ToOnnx(trained, s_recipe), ["A", "B", "C"]);

        using CategoryHead head = CategoryHead.Load(_folder, SessionFactory());

        foreach (float[] sample in samples.Take(10))
        {
            float[] expected = trained.Probabilities(sample);
            IReadOnlyList<float> actual = head.Predict(sample).Probabilities;
            for (int k = 0; k < 3; k++)
            {
                Assert.Equal(expected[k], actual[k], 4);
            }
        }
    }

    [Fact]
    public void Load_MissingFolder_NamesThePathAndTheCommandThatMakesIt()
    {
        string missing = Path.Combine(_folder, "nowhere");

        FileNotFoundException error = Assert.Throws<FileNotFoundException>(
            () => CategoryHead.Load(missing, SessionFactory()));

        Assert.Contains(Path.Combine(missing, CategoryHead.ModelFile), error.Message, StringComparison.Ordinal);
        Assert.Contains("category-train", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MoreLabelsThanOutputs_IsRejected()
    {
        DenseLayer layer = Layer(2, [(0, 0, 1f)], biases: [0, 0]);
        WriteHead(Standardiser(mean: [0], scale: [1]), [layer], ["A", "B", "C"]);

        InvalidDataException error = Assert.Throws<InvalidDataException>(
            () => CategoryHead.Load(_folder, SessionFactory()));

        Assert.Contains("3 labels", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private void WriteHead(Standardiser standardiser, IReadOnlyList<DenseLayer> layers, string[] labels)
    {
        byte[] model = CategoryHeadExporter.ToOnnx(standardiser, layers, s_recipe);
        CategoryHeadExporter.Write(_folder, model, labels);
    }

    private static OnnxSessionFactory SessionFactory() => new(
        Options.Create(new InferenceOptions { ExecutionProvider = ExecutionProviderChoice.Cpu }),
        NullLogger<OnnxSessionFactory>.Instance);

    // A 512-feature standardiser whose first features are given and whose others are left as they are.
    private static Standardiser Standardiser(float[] mean, float[] scale)
    {
        float[] fullMean = new float[512];
        float[] fullScale = Enumerable.Repeat(1f, 512).ToArray();
        mean.CopyTo(fullMean, 0);
        scale.CopyTo(fullScale, 0);

        return new Standardiser(fullMean, fullScale);
    }

    // A layer over 512 inputs (or over the given number of inputs) with only the listed weights set.
    private static DenseLayer Layer(int outputs, (int Output, int Input, float Weight)[] weights, float[] biases)
    {
        float[] values = new float[outputs * 512];
        foreach ((int o, int i, float w) in weights)
        {
            values[(o * 512) + i] = w;
        }

        return new DenseLayer(512, outputs, values, biases);
    }

    private static float[] Features(float first, float second)
    {
        float[] x = new float[512];
        x[0] = first;
        x[1] = second;
        x[2] = 5;

        return x;
    }
}
