package main

import (
	"fmt"
	"html"
	"log"
	"log/slog"
	"net/http"
	"strings"
)

var logger = log.Default()

func printf(w http.ResponseWriter, r *http.Request) {
	username := r.FormValue("username")
	// ruleid: go-log-injection
	log.Printf("failed login for user %s", username)
}

func println(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-log-injection
	log.Println("ping requested for", r.URL.Query().Get("url"))
}

func loggerMethod(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-log-injection
	logger.Printf("user agent: %s", r.UserAgent())
}

func slogInfo(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-log-injection
	slog.Info("unsubscribe", "email", r.URL.Query().Get("email"))
}

func quoted(w http.ResponseWriter, r *http.Request) {
	// ok: go-log-injection
	log.Printf("failed login for user %q", r.FormValue("username"))
}

func replaced(w http.ResponseWriter, r *http.Request) {
	u := strings.ReplaceAll(r.FormValue("username"), "\n", "")
	u = strings.ReplaceAll(u, "\r", "")
	// ok: go-log-injection
	log.Printf("failed login for user %s", u)
}

func constantOnly(w http.ResponseWriter, r *http.Request) {
	// ok: go-log-injection
	log.Println("login failed")
}

func fmtPrintf(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-log-injection
	fmt.Printf("hello %s\n", r.FormValue("x"))
}

func fmtErrorf(w http.ResponseWriter, r *http.Request) error {
	// ok: go-log-injection
	return fmt.Errorf("bad value %s", r.FormValue("x"))
}

func fmtFprintf(w http.ResponseWriter, r *http.Request) {
	// ok: go-log-injection
	fmt.Fprintf(w, "value %s", html.EscapeString(r.FormValue("x")))
}
