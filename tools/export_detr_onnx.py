#!/usr/bin/env python3
"""Export a DETR segmentation model with Fashionpedia heads to ONNX, with the model.json the app reads.

What it builds
    A Hugging Face ``transformers`` ``DetrForSegmentation`` and two linear heads on the decoder's query
    embeddings (its ``last_hidden_state``, [1, Q, d_model]):
      * category head: d_model -> 47 (the 46 Fashionpedia categories, then "no object");
      * attribute head: d_model -> 294 (every Fashionpedia attribute, in increasing id order).
    The heads are our own rather than DETR's class classifier, so any DETR checkpoint (COCO panoptic with
    250 classes, say) can be used: only the decoder and the mask branch are taken from it.

What it writes, into the output folder
    model.onnx  one fixed-size input and exactly three outputs:
                  pixel_values      [1, 3, H, W]   RGB, (pixel / 255 - ImageNet mean) / ImageNet std
                  pred_masks        [1, Q, H/4, W/4] mask logits
                  logits            [1, Q, 47]     category logits, the last one "no object"
                  attribute_logits  [1, Q, 294]    attribute logits (independent sigmoids)
    model.json  the manifest: layout "query", the names above, stretch resize, ImageNet mean/std
    category_attributes_descriptions.json  the Fashionpedia taxonomy, copied from --taxonomy

What it needs
    Python 3.9+, torch (2.1 or later) and transformers (4.40 or later); onnxruntime is optional and, when
    installed, is used to check the exported file. The project's CI machines have none of these Python
    packages, so this script is not run there; the app and its tests only read the files it writes.

How to run it
    # A model built from its configuration alone: random weights, nothing downloaded. For trying the
    # app's plumbing end to end; its suggestions are noise.
    python3 tools/export_detr_onnx.py --random-init --out models/detr-random

    # A trained checkpoint folder (config.json + weights as written by save_pretrained), optionally with
    # heads.pt beside them holding the two heads' state dicts {"category": ..., "attribute": ...}.
    python3 tools/export_detr_onnx.py --checkpoint path/to/checkpoint --out models/detr --size 512 512

    Then point the app at the folder: Inference:ModelFolder in appsettings.json, or the environment
    variable Inference__ModelFolder=models/detr. docs/models.md describes every manifest field.
"""

from __future__ import annotations

import argparse
import inspect
import json
import shutil
import sys
from pathlib import Path

CATEGORY_COUNT = 46
ATTRIBUTE_COUNT = 294
IMAGENET_MEAN = [0.485, 0.456, 0.406]
IMAGENET_STD = [0.229, 0.224, 0.225]
TAXONOMY_FILE = "category_attributes_descriptions.json"
DEFAULT_TAXONOMY = Path(__file__).resolve().parent.parent / "models" / "starter" / TAXONOMY_FILE


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--checkpoint", type=Path, help="folder written by DetrForSegmentation.save_pretrained")
    source.add_argument("--random-init", action="store_true",
                        help="build from the configuration alone, random weights, no download")
    parser.add_argument("--out", type=Path, required=True, help="model folder to write")
    parser.add_argument("--size", type=int, nargs=2, default=[384, 384], metavar=("WIDTH", "HEIGHT"),
                        help="fixed input size in pixels, multiples of 32 (default 384 384)")
    parser.add_argument("--queries", type=int, default=100, help="object queries for --random-init (default 100)")
    parser.add_argument("--name", default=None, help="the manifest's name (default from the source)")
    parser.add_argument("--taxonomy", type=Path, default=DEFAULT_TAXONOMY, help="Fashionpedia taxonomy file")
    parser.add_argument("--opset", type=int, default=17, help="ONNX opset (default 17)")
    arguments = parser.parse_args(argv)
    width, height = arguments.size
    if width % 32 or height % 32 or not 64 <= width <= 4096 or not 64 <= height <= 4096:
        parser.error(f"--size {width} {height}: both sides must be multiples of 32 from 64 to 4096")
    if not arguments.taxonomy.is_file():
        parser.error(f"--taxonomy {arguments.taxonomy} does not exist")
    return arguments


def build_detr(arguments: argparse.Namespace):
    """The DETR model: from a checkpoint folder, or from a configuration with no pretrained weights."""
    from transformers import DetrConfig, DetrForSegmentation, ResNetConfig

    if arguments.checkpoint is not None:
        return DetrForSegmentation.from_pretrained(arguments.checkpoint)

    # The transformers ResNet-50 backbone (not timm), randomly initialised: use_pretrained_backbone=False
    # means no weights are fetched. The mask branch reads the first three stages, so all four are output.
    backbone = ResNetConfig(out_features=["stage1", "stage2", "stage3", "stage4"])
    config = DetrConfig(
        use_timm_backbone=False,
        backbone=None,
        backbone_config=backbone,
        use_pretrained_backbone=False,
        num_queries=arguments.queries,
        num_labels=CATEGORY_COUNT,
    )
    return DetrForSegmentation(config)


def build_heads(detr, checkpoint: Path | None):
    """The category and attribute heads, loaded from heads.pt beside the checkpoint when it is there."""
    import torch

    width = detr.config.d_model
    category = torch.nn.Linear(width, CATEGORY_COUNT + 1)
    attribute = torch.nn.Linear(width, ATTRIBUTE_COUNT)
    heads_file = None if checkpoint is None else checkpoint / "heads.pt"
    if heads_file is not None and heads_file.is_file():
        state = torch.load(heads_file, map_location="cpu")
        category.load_state_dict(state["category"])
        attribute.load_state_dict(state["attribute"])
    elif checkpoint is not None:
        print(f"warning: {heads_file} not found; the category and attribute heads are random", file=sys.stderr)
    return category, attribute


def wrap(detr, category, attribute):
    """A module whose forward takes pixel_values and returns exactly the three tensors the app reads."""
    import torch

    class FashionpediaDetr(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.detr = detr
            self.category = category
            self.attribute = attribute

        def forward(self, pixel_values):
            output = self.detr(pixel_values=pixel_values, return_dict=True)
            queries = output.last_hidden_state
            return output.pred_masks, self.category(queries), self.attribute(queries)

    return FashionpediaDetr().eval()


def export(model, arguments: argparse.Namespace, onnx_path: Path) -> None:
    import torch

    width, height = arguments.size
    example = torch.zeros(1, 3, height, width)
    options = {}
    # Newer torch versions default to the dynamo exporter; the classic tracer gives the plain graph
    # (fixed shapes, the names below) that the app expects.
    if "dynamo" in inspect.signature(torch.onnx.export).parameters:
        options["dynamo"] = False
    with torch.no_grad():
        torch.onnx.export(
            model,
            (example,),
            str(onnx_path),
            input_names=["pixel_values"],
            output_names=["pred_masks", "logits", "attribute_logits"],
            opset_version=arguments.opset,
            do_constant_folding=True,
            **options,
        )


def check(onnx_path: Path, arguments: argparse.Namespace, queries: int) -> None:
    """Runs the file once with onnxruntime, when it is installed, and checks the three output shapes."""
    try:
        import numpy
        import onnxruntime
    except ImportError:
        print("onnxruntime not installed; the exported file was not run", file=sys.stderr)
        return
    width, height = arguments.size
    session = onnxruntime.InferenceSession(str(onnx_path), providers=["CPUExecutionProvider"])
    blank = numpy.zeros((1, 3, height, width), "float32")
    masks, categories, attributes = session.run(None, {"pixel_values": blank})
    expected = [
        (1, queries, height // 4, width // 4),
        (1, queries, CATEGORY_COUNT + 1),
        (1, queries, ATTRIBUTE_COUNT),
    ]
    actual = [masks.shape, categories.shape, attributes.shape]
    if [tuple(s) for s in actual] != expected:
        raise SystemExit(f"exported outputs have shapes {actual}; expected {expected}")
    print(f"checked with onnxruntime: outputs {expected}")


def write_manifest(arguments: argparse.Namespace, folder: Path) -> None:
    width, height = arguments.size
    if arguments.name:
        name = arguments.name
    elif arguments.random_init:
        name = "DETR-R50 with Fashionpedia heads (random weights)"
    else:
        name = f"DETR with Fashionpedia heads ({arguments.checkpoint.name})"
    manifest = {
        "format": 1,
        "name": name,
        "layout": "query",
        "taxonomy": TAXONOMY_FILE,
        "model": "model.onnx",
        "input": {
            "name": "pixel_values",
            "width": width,
            "height": height,
            "layout": "NCHW",
            "resize": "stretch",
            "channels": "RGB",
            "scale": 255,
            "mean": IMAGENET_MEAN,
            "std": IMAGENET_STD,
        },
        "outputs": {
            "maskLogits": "pred_masks",
            "categoryLogits": "logits",
            "noObjectClass": True,
            "attributeLogits": "attribute_logits",
        },
        "thresholds": {
            "score": 0.3, "mask": 0.5, "attribute": 0.5, "topK": 100, "nmsIou": 0.5, "maxInstances": 15,
        },
    }
    (folder / "model.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    arguments = parse_arguments(argv)
    arguments.out.mkdir(parents=True, exist_ok=True)

    detr = build_detr(arguments).eval()
    category, attribute = build_heads(detr, arguments.checkpoint)
    model = wrap(detr, category, attribute)

    onnx_path = arguments.out / "model.onnx"
    export(model, arguments, onnx_path)
    check(onnx_path, arguments, detr.config.num_queries)

    shutil.copyfile(arguments.taxonomy, arguments.out / TAXONOMY_FILE)
    write_manifest(arguments, arguments.out)
    print(f"wrote {onnx_path}, model.json and {TAXONOMY_FILE} to {arguments.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
