package main

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

func next(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-unvalidated-url-redirection
	http.Redirect(w, r, r.URL.Query().Get("next"), http.StatusFound)
}

func formTarget(w http.ResponseWriter, r *http.Request) {
	target := r.FormValue("return_to")
	// ruleid: go-unvalidated-url-redirection
	w.Header().Set("Location", target)
	w.WriteHeader(http.StatusSeeOther)
}

func localOnly(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") {
		next = "/"
	}
	// ruleid: go-unvalidated-url-redirection
	http.Redirect(w, r, next, http.StatusFound)
}

func parsed(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	u, err := url.Parse(next)
	if err != nil || u.IsAbs() || u.Host != "" {
		next = "/"
	}
	// ruleid: go-unvalidated-url-redirection
	http.Redirect(w, r, next, http.StatusFound)
}

func constant(w http.ResponseWriter, r *http.Request) {
	// ok: go-unvalidated-url-redirection
	http.Redirect(w, r, "/login", http.StatusFound)
}

func loginNext(w http.ResponseWriter, r *http.Request) {
	// ok: go-unvalidated-url-redirection
	http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.Path), http.StatusFound)
}

func sprintfLocal(w http.ResponseWriter, r *http.Request) {
	// ok: go-unvalidated-url-redirection
	http.Redirect(w, r, fmt.Sprintf("/users/%s", r.FormValue("id")), http.StatusFound)
}

func protocolRelative(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-unvalidated-url-redirection
	http.Redirect(w, r, "//"+r.FormValue("host"), http.StatusFound)
}

func allowListed(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	if next != "/dashboard" {
		next = "/"
		http.Redirect(w, r, "/", http.StatusFound)
		return
	}
	// ok: go-unvalidated-url-redirection
	http.Redirect(w, r, next, http.StatusFound)
}

func isLocalURL(s string) bool {
	return strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//")
}

func named(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	if !isLocalURL(next) {
		http.Error(w, "bad redirect", http.StatusBadRequest)
		return
	}
	// ok: go-unvalidated-url-redirection
	http.Redirect(w, r, next, http.StatusFound)
}

func hostCheck(w http.ResponseWriter, r *http.Request) {
	u, err := url.Parse(r.FormValue("url"))
	if err != nil || u.Hostname() != "example.com" {
		http.Error(w, "bad redirect", http.StatusBadRequest)
		return
	}
	// ok: go-unvalidated-url-redirection
	http.Redirect(w, r, u.String(), http.StatusFound)
}

func fixedHost(w http.ResponseWriter, r *http.Request) {
	// ok: go-unvalidated-url-redirection
	http.Redirect(w, r, "https://example.com/"+r.FormValue("page"), http.StatusFound)
}

func backToReferer(w http.ResponseWriter, r *http.Request) {
	// ok: go-unvalidated-url-redirection
	http.Redirect(w, r, r.Referer(), http.StatusFound)
}

func postedTarget(w http.ResponseWriter, r *http.Request) {
	// ok: go-unvalidated-url-redirection
	http.Redirect(w, r, r.PostFormValue("next"), http.StatusFound)
}
