"""The note editor: drafts autosave as you type, signing freezes them, amendments follow."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from confide.access.decisions import access_client
from confide.access.purposes import purpose_for
from confide.access.rules import ClientAction
from confide.clients.models import Client
from confide.notes import services
from confide.notes.forms import DraftForm, NoteForm
from confide.notes.models import Note


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _writable_note(request: HttpRequest, note_id: str) -> tuple[Note, Client]:
    """The user's own draft, after the access decision point agrees they may write for
    its client now (a care team that ended, or a break-glass that expired, stops it)."""
    note = Note.objects.filter(pk=note_id, author=request.user).select_related("client").first()
    if note is None:
        raise Http404
    client, _decision = access_client(
        request.user, note.client.code, ClientAction.WRITE_NOTE, purpose=purpose_for(request.user)
    )
    return note, client


def _saved(note: Note) -> JsonResponse:
    return JsonResponse(
        {
            "note": str(note.pk),
            "edit_url": reverse("notes:edit", args=[note.pk]),
            "saved_at": timezone.localtime(note.updated_at).strftime("%H:%M:%S"),
        }
    )


def _invalid(form: DraftForm) -> JsonResponse:
    errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
    return JsonResponse({"errors": errors}, status=400)


@require_http_methods(["GET", "POST"])
def new_note(request: HttpRequest, code: str) -> HttpResponse:
    user = request.user
    client, decision = access_client(user, code, ClientAction.WRITE_NOTE, purpose=purpose_for(user))
    autosave = request.POST.get("intent") == "autosave"
    form_class = DraftForm if autosave or request.POST.get("intent") == "save" else NoteForm
    form = form_class(request.POST or None, initial={"session_date": timezone.localdate()})
    if request.method == "POST":
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
            note = services.do_create_draft(
                client,
                acting_user=user,
                session_date=data.get("session_date", timezone.localdate()),
                contact_type=data.get("contact_type", "in_person"),
                duration_minutes=data.get("duration_minutes", 0),
                tags=data.get("tags", []),
                body=data.get("body", ""),
            )
            if autosave:
                return _saved(note)
            if request.POST.get("intent") == "sign":
                services.do_sign_note(note, acting_user=user)
                messages.success(request, _("Note signed."))
                return redirect("clients:detail", code=client.code)
            messages.success(request, _("Draft saved. Sign it when it is finished."))
            return redirect("notes:edit", note_id=note.pk)
        if autosave:
            return _invalid(form)
    context = {
        "form": form,
        "client": client,
        "grant": decision.break_glass,
        "note": None,
        "autosave_url": request.path,
    }
    return render(request, "notes/editor.html", context)


@require_http_methods(["GET", "POST"])
def edit_note(request: HttpRequest, note_id: str) -> HttpResponse:
    note, client = _writable_note(request, note_id)
    if note.is_signed:
        return redirect("clients:detail", code=client.code)
    intent = request.POST.get("intent", "save")
    form_class = NoteForm if intent == "sign" else DraftForm
    initial = {
        "session_date": note.session_date,
        "contact_type": note.contact_type,
        "duration_minutes": note.duration_minutes or None,
        "tags": note.tags,
        "body": note.body,
    }
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            fields = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
            if "tags" in request.POST or intent != "autosave":
                fields["tags"] = form.cleaned_data.get("tags", [])
            try:
                services.do_save_draft(note, acting_user=request.user, **fields)
                if intent == "autosave":
                    return _saved(note)
                if intent == "sign":
                    services.do_sign_note(note, acting_user=request.user)
                    messages.success(request, _("Note signed."))
                    return redirect("clients:detail", code=client.code)
                messages.success(request, _("Draft saved."))
                return redirect("notes:edit", note_id=note.pk)
            except services.NoteLocked as error:
                if intent == "autosave":
                    return JsonResponse({"errors": {"__all__": [str(error)]}}, status=409)
                messages.error(request, str(error))
                return redirect("clients:detail", code=client.code)
            except ValueError as error:
                form.add_error("body", str(error))
        elif intent == "autosave":
            return _invalid(form)
    context = {
        "form": form,
        "client": client,
        "note": note,
        "autosave_url": reverse("notes:edit", args=[note.pk]),
    }
    return render(request, "notes/editor.html", context)


@require_http_methods(["GET", "POST"])
def amend_note(request: HttpRequest, note_id: str) -> HttpResponse:
    original = Note.objects.filter(pk=note_id).select_related("client").first()
    if original is None:
        raise Http404
    user = request.user
    client, _decision = access_client(
        user, original.client.code, ClientAction.WRITE_NOTE, purpose=purpose_for(user)
    )
    if not original.is_signed or original.author_id != user.pk:
        raise Http404
    form = NoteForm(
        request.POST or None,
        initial={
            "session_date": original.session_date,
            "contact_type": original.contact_type,
            "duration_minutes": original.duration_minutes,
            "tags": original.tags,
        },
    )
    if request.method == "POST" and form.is_valid():
        note = services.do_create_draft(
            client, acting_user=user, amends=original, **form.cleaned_data
        )
        if request.POST.get("intent") == "sign":
            services.do_sign_note(note, acting_user=user)
            messages.success(request, _("Amendment signed. The original note is kept as it was."))
            return redirect("clients:detail", code=client.code)
        return redirect("notes:edit", note_id=note.pk)
    context = {"form": form, "client": client, "note": None, "amends": original}
    return render(request, "notes/editor.html", context)


@require_POST
def delete_draft(request: HttpRequest, note_id: str) -> HttpResponse:
    note, client = _writable_note(request, note_id)
    try:
        services.do_delete_draft(note, acting_user=request.user)
        messages.success(request, _("Draft deleted."))
    except services.NoteLocked as error:
        messages.error(request, str(error))
    return redirect("clients:detail", code=client.code)
