using System.Text.RegularExpressions;
using FashionListing.Inference.Models;

namespace FashionListing.Tests.Models;

/// <summary>The example manifests in docs/models.md are valid, so the page cannot drift from the loader.</summary>
public sealed partial class ModelDocsExamplesTests
{
    [Fact]
    public void ExampleManifests_InDocsModelsPage_EachLoad()
    {
        string page = File.ReadAllText(LocateDocs());
        List<string> manifests = JsonBlock().Matches(page)
            .Select(m => m.Groups["json"].Value)
            .Where(json => json.Contains("\"format\"", StringComparison.Ordinal))
            .ToList();

        List<ModelLayout> layouts = [];
        foreach (string json in manifests)
        {
            using ManifestFolder folder = new ManifestFolder().WriteText(json);
            File.WriteAllBytes(Path.Combine(folder.Path, "yolov8s-seg-fashionpedia.onnx"), [1]);
            layouts.Add(ModelManifestLoader.Load(folder.Path).Layout);
        }

        Assert.Equal([ModelLayout.Query, ModelLayout.Dense, ModelLayout.Starter], layouts);
    }

    private static string LocateDocs()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "docs", "models.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"docs/models.md was not found above {AppContext.BaseDirectory}; the tests run from the repository.");
    }

    [GeneratedRegex("```json\\n(?<json>.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
