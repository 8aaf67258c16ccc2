package main

import (
	"context"
	"fmt"
	"log"
	"net"
	"net/http"
	"net/url"
	"os/exec"
	"time"
)

// ping runs the system ping command against the URL given in the GET parameter "url"
// and tells the user whether the host is reachable.
func ping(w http.ResponseWriter, r *http.Request) {
	u, err := url.Parse(r.URL.Query().Get("url"))
	if err != nil || u.Hostname() == "" {
		http.Error(w, "expected a URL such as https://example.com", http.StatusBadRequest)
		return
	}
	addrs, err := net.DefaultResolver.LookupIPAddr(r.Context(), u.Hostname())
	if err != nil || len(addrs) == 0 {
		http.Error(w, "cannot resolve host", http.StatusBadRequest)
		return
	}
	// Ping the resolved address: an IP literal can never be a shell fragment or an option.
	ip := addrs[0].IP.String()
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	if err := exec.CommandContext(ctx, "ping", "-c", "1", ip).Run(); err != nil {
		fmt.Fprintln(w, "down")
		return
	}
	fmt.Fprintln(w, "up")
}

func main() {
	http.HandleFunc("/ping", ping)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
