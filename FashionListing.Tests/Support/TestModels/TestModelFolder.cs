using System.Text.Json;
using System.Text.Json.Nodes;
using FashionListing.Inference.Models;
using FashionListing.Inference.Taxonomy;

namespace FashionListing.Tests.Support.TestModels;

/// <summary>
/// A temporary model folder (ONNX file, model.json and the Fashionpedia taxonomy) that is deleted with
/// the object.
/// </summary>
internal sealed class TestModelFolder : IDisposable
{
    public const string TaxonomyFileName = FashionpediaTaxonomy.FileName;

    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    private TestModelFolder(string path)
    {
        Path = path;
    }

    /// <summary>The folder's absolute path, for <c>Inference:ModelFolder</c>.</summary>
    public string Path { get; }

    public static TestModelFolder Query(int side, ResizeMode resize)
    {
        TestModelFolder folder = Create("query");
        QueryTestModel.WriteFolder(folder.Path, side, resize);

        return folder;
    }

    public static TestModelFolder Dense(int side, ResizeMode resize, bool anchorsFirst)
    {
        TestModelFolder folder = Create("dense");
        DenseTestModel.WriteFolder(folder.Path, side, resize, anchorsFirst);

        return folder;
    }

    /// <summary>The thresholds both test models' manifests carry: the research pipeline's defaults.</summary>
    public static JsonObject Thresholds() => new()
    {
        ["score"] = 0.3,
        ["mask"] = 0.5,
        ["attribute"] = 0.5,
        ["topK"] = 100,
        ["nmsIou"] = 0.5,
        ["maxInstances"] = 15,
    };

    public static void WriteManifest(string folder, JsonObject manifest) =>
        File.WriteAllText(System.IO.Path.Combine(folder, ModelManifest.FileName), manifest.ToJsonString(s_indented));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A session still holding the file on some platform leaves the folder in the temp folder;
            // that must not fail the test that used it.
        }
    }

    private static TestModelFolder Create(string kind)
    {
        string path = System.IO.Path.Combine(
            System.IO.Path.GetTempPath(),
            $"fashionlisting-{kind}-test-model-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        File.Copy(
            System.IO.Path.Combine(AppContext.BaseDirectory, FashionpediaTaxonomy.DefaultRelativePath),
            System.IO.Path.Combine(path, TaxonomyFileName));

        return new TestModelFolder(path);
    }
}
