using FashionListing.Tools.Classification;
using FashionListing.Tools.Fashionpedia.Training;

namespace FashionListing.Tests.Tools.Fashionpedia.Training;

/// <summary>Small random heads and instances for the gradient and training tests.</summary>
internal static class HeadTestData
{
    public static FashionpediaHeads RandomHeads(int inputs, int categories, int attributes, Random random)
    {
        Standardiser identity = new(new float[inputs], [.. Enumerable.Repeat(1f, inputs)]);

        return new FashionpediaHeads(
            identity,
            new DenseLayer(inputs, categories, Values(inputs * categories, random), Values(categories, random)),
            new DenseLayer(inputs, attributes, Values(inputs * attributes, random), Values(attributes, random)),
            [(float)(random.NextDouble() - 0.5), (float)(random.NextDouble() - 0.5)]);
    }

    public static HeadExample[] RandomExamples(int count, int inputs, int categories, int attributes, Random random)
    {
        HeadExample[] examples = new HeadExample[count];
        for (int n = 0; n < count; n++)
        {
            examples[n] = new HeadExample(
                Values(inputs, random),
                random.Next(categories),
                [.. Enumerable.Range(0, attributes).Select(_ => random.NextDouble() < 0.4)],
                [.. Enumerable.Range(0, attributes).Select(_ => random.NextDouble() < 0.7)]);
        }

        return examples;
    }

    private static float[] Values(int count, Random random) =>
        [.. Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2) - 1))];
}
