using System.Text.Json.Nodes;
using FashionListing.Inference.Taxonomy;

namespace FashionListing.Tests.Models;

/// <summary>
/// A temporary model folder for manifest tests: the real taxonomy file, stand-in model files (the loader
/// only checks that they exist) and a model.json written from a valid query manifest changed per test.
/// </summary>
internal sealed class ManifestFolder : IDisposable
{
    public ManifestFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "manifest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        File.Copy(
            System.IO.Path.Combine(AppContext.BaseDirectory, FashionpediaTaxonomy.DefaultRelativePath),
            System.IO.Path.Combine(Path, FashionpediaTaxonomy.FileName));
        foreach (string file in new[] { "model.onnx", "mask-head.bin", "category-head.onnx", "category-labels.json",
            "label-map.json" })
        {
            File.WriteAllBytes(System.IO.Path.Combine(Path, file), [1, 2, 3]);
        }
    }

    public string Path { get; }

    public string ManifestPath => System.IO.Path.Combine(Path, "model.json");

    public static JsonObject QueryManifest() => new()
    {
        ["format"] = 1,
        ["name"] = "Test DETR",
        ["layout"] = "query",
        ["taxonomy"] = FashionpediaTaxonomy.FileName,
        ["model"] = "model.onnx",
        ["input"] = new JsonObject
        {
            ["name"] = "pixel_values",
            ["width"] = 384,
            ["height"] = 320,
            ["layout"] = "NCHW",
            ["resize"] = "stretch",
            ["channels"] = "RGB",
            ["scale"] = 255,
            ["mean"] = new JsonArray(0.485, 0.456, 0.406),
            ["std"] = new JsonArray(0.229, 0.224, 0.225),
        },
        ["outputs"] = new JsonObject
        {
            ["maskLogits"] = "pred_masks",
            ["categoryLogits"] = "logits",
            ["noObjectClass"] = true,
            ["attributeLogits"] = "attribute_logits",
        },
    };

    public static JsonObject DenseManifest() => new()
    {
        ["format"] = 1,
        ["layout"] = "dense",
        ["taxonomy"] = FashionpediaTaxonomy.FileName,
        ["model"] = "model.onnx",
        ["input"] = new JsonObject
        {
            ["name"] = "images",
            ["width"] = 640,
            ["height"] = 640,
            ["resize"] = "letterbox",
            ["padValue"] = 114,
        },
        ["outputs"] = new JsonObject
        {
            ["detections"] = "output0",
            ["anchorsFirst"] = false,
            ["prototypes"] = "output1",
            ["attributeLogits"] = null,
        },
    };

    public static JsonObject StarterManifest() => new()
    {
        ["format"] = 1,
        ["layout"] = "starter",
        ["taxonomy"] = FashionpediaTaxonomy.FileName,
        ["starter"] = new JsonObject
        {
            ["maskHead"] = "mask-head.bin",
            ["categoryHead"] = "category-head.onnx",
            ["labelMap"] = "label-map.json",
        },
    };

    public ManifestFolder Write(JsonObject manifest)
    {
        File.WriteAllText(ManifestPath, manifest.ToJsonString());

        return this;
    }

    public ManifestFolder WriteText(string json)
    {
        File.WriteAllText(ManifestPath, json);

        return this;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
