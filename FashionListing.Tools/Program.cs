using FashionListing.Tools.Benchmarks;
using FashionListing.Tools.Classification;
using FashionListing.Tools.Segmentation;

// A thin dispatcher: each verb lives in its own feature folder and parses its own options.
Dictionary<string, Func<IReadOnlyList<string>, int>> verbs = new(StringComparer.Ordinal)
{
    ["mask-train"] = MaskTraining.Run,
    ["mask-eval"] = MaskEvaluation.Run,
    ["category-train"] = CategoryTrainCommand.Run,
    ["benchmark"] = PipelineBenchmark.Run,
};

if (args.Length == 0 || !verbs.TryGetValue(args[0], out Func<IReadOnlyList<string>, int>? verb))
{
    Console.Error.WriteLine("FashionListing tools. Verbs: " + string.Join(", ", verbs.Keys.Order(StringComparer.Ordinal)));

    return 2;
}

return verb(args[1..]);
