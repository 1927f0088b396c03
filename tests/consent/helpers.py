import io

from PIL import Image, ImageDraw


def png_data_url(*, ink: bool) -> str:
    image = Image.new("RGBA", (300, 100), (255, 255, 255, 0))
    if ink:
        ImageDraw.Draw(image).line(
            [(10, 80), (100, 20), (200, 70), (290, 30)], fill="black", width=4
        )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    import base64

    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()
