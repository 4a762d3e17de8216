using System.Security.Cryptography;
using FashionListing.Tools.Benchmarks;
using FashionListing.Tools.Classification;
using FashionListing.Tools.Duplicates;
using FashionListing.Tools.Fashionpedia;
using FashionListing.Tools.Fashionpedia.Evaluation;
using FashionListing.Tools.Fashionpedia.Training;
using FashionListing.Inference.Segmentation;
using FashionListing.Tools;
using FashionListing.Tools.Segmentation;
using Microsoft.Extensions.DependencyInjection;

// A thin dispatcher: each verb lives in its own feature folder and parses its own options.
Dictionary<string, Func<IReadOnlyList<string>, int>> verbs = new(StringComparer.Ordinal)
{
    ["mask-train"] = MaskTraining.Run,
    ["mask-eval"] = MaskEvaluation.Run,
    ["category-train"] = TrainCategoryHead,
    ["benchmark"] = PipelineBenchmark.Run,
    ["duplicates-benchmark"] = DuplicatesBenchmark.Run,
    ["autosave-benchmark"] = AutosaveBenchmark.Run,
    ["fashionpedia-import-coco"] = CocoImportCommand.Run,
    ["fashionpedia-train-heads"] = FashionpediaTrainCommand.Run,
    ["starter-eval"] = StarterEvaluation.Run,
    ["fashionpedia-eval"] = FashionpediaEvaluation.Run,
    ["duplicates-tune"] = DuplicatesTuneCommand.Run,
};

if (args.Length == 0 || !verbs.TryGetValue(args[0], out Func<IReadOnlyList<string>, int>? verb))
{
    string names = string.Join(", ", verbs.Keys.Order(StringComparer.Ordinal));
    Console.Error.WriteLine("FashionListing tools. Verbs: " + names);

    return 2;
}

return verb(args[1..]);

// The category head is trained on crops cut to the masks of the committed mask head, the same masks
// the app makes. The segmenter's name carries a hash of the mask head's weights, so cached crops of
// an older mask head are never mixed with new ones.
static int TrainCategoryHead(IReadOnlyList<string> args)
{
    using ServiceProvider services = ToolServices.Build();
    string weights = Path.Combine(AppContext.BaseDirectory, "models", "starter", MaskHead.FileName);
    string hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(weights)))[..12];

    return CategoryTrainCommand.Run(
        [.. args], services.GetRequiredService<IGarmentSegmenter>(), "mask-head-" + hash);
}

// Kept internal: the web project's reference brings ASP.NET Core's generator, which would make it public.
internal sealed partial class Program;
