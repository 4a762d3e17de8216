using System.Text.Json;
using FashionListing.Tests.Support;
using FashionListing.Tools.Fashionpedia;
using FashionListing.Tools.Fashionpedia.Evaluation;
using FashionListing.Tools.Fashionpedia.Training;

namespace FashionListing.Tests.Tools.Fashionpedia;

/// <summary>
/// The toolkit as the README runs it on the shared Fashionpedia sample: import its real annotations, evaluate
/// the starter model against them, and train heads on their instances.
/// </summary>
public sealed class SharedSampleEndToEndTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ImportEvaluateTrain_SharedSample_EachCommandReadsWhatTheLastWrote()
    {
        string imported = _folder.File("sample");
        string evaluation = _folder.File("evaluation");
        string heads = _folder.File("heads");
        string csv = Path.Combine(imported, "train.csv");
        string images = Path.Combine(imported, "images");

        int importExit = CocoImportCommand.Run(
            ["--coco", Path.Combine(SharedData.Fashionpedia, "sample.json"), "--out", imported]);
        int evaluationExit = FashionpediaEvaluation.Run(
            ["--csv", csv, "--images", images, "--split", "all", "--out", evaluation, "--parallel", "1"]);
        int trainingExit = FashionpediaTrainCommand.Run(
            ["--source", "kaggle", "--csv", csv, "--images", images, "--train-share", "0.5",
                "--validation-share", "0.5", "--epochs", "3", "--learning-rate", "0.001", "--out", heads]);

        Assert.Equal((0, 0, 0), (importExit, evaluationExit, trainingExit));
        // sample.json annotates 6 objects on each of its 2 photos.
        IReadOnlyList<FashionpediaSample> samples = KaggleTrainCsv.Read(csv);
        Assert.Equal([6, 6], samples.Select(s => s.Instances.Count));
        using JsonDocument report = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(evaluation, FashionpediaEvaluationReport.JsonFile)));
        JsonElement matching = report.RootElement.GetProperty("Matching");
        Assert.Equal(2, report.RootElement.GetProperty("Photos").GetInt32());
        Assert.Equal(12, matching.GetProperty("Truths").GetInt32());
        // The starter model offers one garment per photo, and each must land on an annotated object.
        Assert.Equal(2, matching.GetProperty("Predictions").GetInt32());
        Assert.InRange(matching.GetProperty("MeanMatchedIoU").GetDouble(), 0.3, 1.0);
        HeadsFile trained = HeadsFile.Load(Path.Combine(heads, FashionpediaTrainCommand.HeadsFileName));
        Assert.Equal((46, 294), (trained.Category.Outputs, trained.Attributes.Outputs));
        // A header and epochs 0 to 3.
        Assert.Equal(5, File.ReadAllLines(Path.Combine(heads, FashionpediaTrainCommand.HistoryCsvFileName)).Length);
    }
}
